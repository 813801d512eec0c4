import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import {
  deleteVotes,
  ensurePoll,
  findRun,
  findVote,
  pollsForRun,
  setPollStatus,
  setResultsHidden,
  setRunActivePoll,
  updatePollSpec,
  countVotes,
  type PollRow,
} from '../../db/repo/index.js';
import type { ActivePoll, PollView, Role } from '../contract/events.js';
import type { PollSpec } from '../deck/types.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { acceptVote, applyDeckEdit, redactResults, sameSpec, type Answer, type PollResults } from '../domain/poll.js';
import { createSerialQueue } from './serial.js';
import type { LiveTalk, Talks } from './talks.js';
import { createTallies } from './tallies.js';
import { createKeyedThrottle } from './throttle.js';
import { createVoteWriter } from './vote-writer.js';

/** Facts about polls for the realtime layer to broadcast. */
export type PollEvent =
  | { type: 'poll:active'; slug: string; runId: number; poll: PollView | null; results: PollResults | null }
  | { type: 'poll:results'; slug: string; runId: number; poll: PollView; results: PollResults; toVoters: boolean }
  | { type: 'poll:reset'; slug: string; runId: number; poll: PollView };

const RESULTS_INTERVAL_MS = 250;
// Phones get live results less often than the projector: with thousands of voters each broadcast to
// them costs thousands of writes, and a phone needs no more than a number a second.
const VOTER_RESULTS_INTERVAL_MS = 1_000;

/** The view every client gets of a poll row. */
export function pollView(row: PollRow): PollView {
  const { id: _id, open: _o, close: _c, results: _r, question: _q, type: _t, ...shape } = row.spec;
  return {
    id: row.pollKey,
    question: row.question,
    type: row.type,
    ...shape,
    status: row.status,
    openedAt: row.openedAt,
    resultsHidden: row.resultsHidden,
    slide: row.slideIndex,
  };
}

interface RunPolls {
  runId: number;
  rows: Map<string, PollRow>;
  /** The poll on screen: the current slide's, or an open ad-hoc one. */
  active: string | null;
}

export type Polls = ReturnType<typeof createPolls>;

/**
 * Poll lifecycle per run (open on reaching the slide, close on leaving when asked), votes through
 * the group-commit writer, and throttled tallies read back from the database.
 */
export function createPolls(deps: { db: Db; talks: Talks; log: Logger; onChange?: (slug: string) => void }) {
  const { db, talks, log } = deps;
  const runs = new Map<string, RunPolls>();
  const loading = new Map<string, { runId: number; gen: number; promise: Promise<RunPolls> }>();
  const generation = new Map<string, number>();
  const listeners = new Set<(e: PollEvent) => void>();
  const serial = createSerialQueue();
  const emit = (e: PollEvent) => listeners.forEach((l) => l(e));
  const pollKeyOf = new Map<number, { slug: string; key: string }>();
  const inflight = new Set<Promise<unknown>>();
  const tallies = createTallies(db);
  const lastToVoters = new Map<number, number>();
  const lastReread = new Map<string, number>();

  const throttle = createKeyedThrottle(async (pollIdText) => {
    const ref = pollKeyOf.get(Number(pollIdText));
    const talk = ref && talks.get(ref.slug);
    if (!ref || !talk) return;
    try {
      const row = (await runPolls(talk)).rows.get(ref.key);
      if (row?.id !== Number(pollIdText)) return; // a newer run replaced it
      const id = Number(pollIdText);
      const wait = (lastToVoters.get(id) ?? 0) + VOTER_RESULTS_INTERVAL_MS - Date.now();
      const toVoters = wait <= 0;
      if (toVoters) lastToVoters.set(id, Date.now());
      // Too soon for the phones: run once more when they are due, so they get the final tally too.
      else setTimeout(() => throttle.mark(pollIdText), wait).unref();
      emit({ type: 'poll:results', slug: ref.slug, runId: row.runId, poll: pollView(row), results: await resultsOf(row), toVoters });
    } catch (err) {
      log.warn({ err }, 'could not read poll results');
    }
  }, RESULTS_INTERVAL_MS);

  const writer = createVoteWriter(db, {
    onBatch: (votes) =>
      new Set(votes.map((v) => v.pollId)).forEach((id) => {
        tallies.forget(id);
        throttle.mark(String(id));
      }),
  });

  const resultsOf = tallies.fresh;

  /** Loads (once per run) the run's polls, so votes need no read before their write. */
  function runPolls(talk: LiveTalk): Promise<RunPolls> {
    const slug = talk.deck.slug;
    const runId = talk.run.id;
    const cached = runs.get(slug);
    if (cached?.runId === runId) return Promise.resolve(cached);
    // Concurrent callers (a reconnect storm, the presenter's command) share one load and one object,
    // so a change made on it can never be overwritten by a copy read a moment earlier.
    const gen = generation.get(slug) ?? 0;
    const pending = loading.get(slug);
    if (pending?.runId === runId && pending.gen === gen) return pending.promise;
    const promise = (async () => {
      const [list, run] = await Promise.all([pollsForRun(db, runId), findRun(db, runId)]);
      const rows = new Map(list.map((r) => [r.pollKey, r]));
      const state: RunPolls = { runId, rows, active: run?.activePoll ?? null };
      rows.forEach((r) => pollKeyOf.set(r.id, { slug, key: r.pollKey }));
      // A load overtaken by invalidate() serves its caller but does not become the cache.
      if ((generation.get(slug) ?? 0) === gen) runs.set(slug, state);
      return state;
    })();
    loading.set(slug, { runId, gen, promise });
    void promise.then(
      () => loading.get(slug)?.promise === promise && loading.delete(slug),
      () => loading.get(slug)?.promise === promise && loading.delete(slug),
    );
    return promise;
  }

  function invalidate(slug: string) {
    runs.delete(slug);
    loading.delete(slug);
    generation.set(slug, (generation.get(slug) ?? 0) + 1);
  }

  async function ensureRow(state: RunPolls, slug: string, spec: PollSpec, slide: number | null): Promise<PollRow> {
    const existing = state.rows.get(spec.id);
    if (existing) return existing;
    const row = await ensurePoll(db, state.runId, {
      pollKey: spec.id,
      slideIndex: slide,
      question: spec.question,
      type: spec.type,
      spec,
      resultsHidden: spec.results === 'hidden',
    });
    state.rows.set(row.pollKey, row);
    pollKeyOf.set(row.id, { slug, key: row.pollKey });
    return row;
  }

  async function setStatus(state: RunPolls, row: PollRow, status: 'open' | 'closed'): Promise<PollRow> {
    if (row.status === status) return row;
    const updated = (await setPollStatus(db, row.id, status))!;
    state.rows.set(updated.pollKey, updated);
    return updated;
  }

  /** Stores what a deck edit changes in a run's poll; returns the row as it is now. */
  async function takeDeckEdit(slug: string, row: PollRow, spec: PollSpec, slideIndex: number): Promise<PollRow> {
    let answered = (await countVotes(db, row.id)) > 0;
    for (;;) {
      const edit = applyDeckEdit(row.spec, spec, answered);
      if (edit.kept) log.warn({ slug, poll: spec.id }, 'the poll already has answers, so its type, options and range stay as they are until the next run');
      if (sameSpec(edit.spec, row.spec) && row.slideIndex === slideIndex) return row;
      const resultsHidden = edit.spec.results !== row.spec.results ? edit.spec.results === 'hidden' : undefined;
      const updated = await updatePollSpec(db, row.id, { spec: edit.spec, slideIndex, ...(resultsHidden === undefined ? {} : { resultsHidden }), unanswered: !answered });
      if (updated) return updated;
      answered = true; // another process stored an answer meanwhile
    }
  }

  /** Records the poll on screen in the run, so a peer process or a restart shows the same. */
  async function activate(state: RunPolls, key: string | null) {
    if (state.active === key) return;
    await setRunActivePoll(db, state.runId, key);
    state.active = key;
  }

  /**
   * The run's polls as this process knows them, re-read from the database (at most once a second
   * per talk) when `key` is missing or not open here: with several processes, the presenter's
   * process may have opened it a moment ago and its message to us can be late or lost.
   */
  async function pollsForVote(talk: LiveTalk, key: string): Promise<RunPolls> {
    const slug = talk.deck.slug;
    const state = await runPolls(talk);
    if (state.rows.get(key)?.status === 'open') return state;
    const now = Date.now();
    if (now - (lastReread.get(slug) ?? 0) < 1_000) return state;
    lastReread.set(slug, now);
    // In the talk's queue, so the fresh copy cannot miss a change the presenter is making right now.
    return serial(slug, async () => {
      invalidate(slug);
      return runPolls(talk);
    });
  }

  async function vote(slug: string, voter: string, key: string, raw: unknown): Promise<{ poll: PollView; answer: Answer; runId: number }> {
    const talk = talks.require(slug);
    const state = await pollsForVote(talk, key);
    const row = state.rows.get(key);
    if (!row) {
      const inDeck = talk.deck.slides.some((s) => s.poll?.id === key);
      throw inDeck
        ? new LecternError(ErrorCode.pollClosed, 'This poll is not open yet.')
        : new LecternError(ErrorCode.unknownPoll, `There is no poll "${key}" in this talk.`);
    }
    const answer = acceptVote(row.spec, row.status, raw);
    try {
      await writer.write({ pollId: row.id, voterId: voter, answer });
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'vote not stored');
      throw new LecternError(ErrorCode.unavailable, 'Your answer could not be saved just now; please send it again.');
    }
    return { poll: pollView(row), answer, runId: row.runId };
  }

  /** Runs a change in the talk's queue, then tells peer processes to reload what changed. */
  function mutate<T>(slug: string, fn: () => Promise<T>): Promise<T> {
    return serial(slug, async () => {
      try {
        return await fn();
      } finally {
        deps.onChange?.(slug);
      }
    });
  }

  async function announce(slug: string, state: RunPolls) {
    const row = state.active ? state.rows.get(state.active) : undefined;
    emit({ type: 'poll:active', slug, runId: state.runId, poll: row ? pollView(row) : null, results: row ? await resultsOf(row) : null });
    // Phones that already answered get results through their voter room (if visible).
    if (row) throttle.mark(String(row.id));
  }

  /** Follows the presenter: close the left slide's on-leave poll, open the reached slide's auto poll. */
  async function onSlide(slug: string, from: number | null) {
    const talk = talks.require(slug);
    const state = await runPolls(talk);
    const before = onScreen(state);
    const slide = talk.run.currentSlide;
    const left = from === null ? undefined : talk.deck.slides[from]?.poll;
    if (left && left.close === 'on-leave' && from !== slide) {
      const row = state.rows.get(left.id);
      if (row) await setStatus(state, row, 'closed');
    }
    const spec = talk.deck.slides[slide]?.poll;
    const adhocOpen = state.active && state.rows.get(state.active)?.slideIndex === null && state.rows.get(state.active)?.status === 'open';
    // `from` is null on a restart, a deck reload or a new run: nothing moved, so nothing reopens.
    const moved = from !== null && from !== slide;
    if (spec) {
      let row = await ensureRow(state, slug, spec, slide);
      // Auto polls open the first time the slide is reached; on-leave polls reopen on every return.
      if (spec.open === 'auto' && (row.openedAt === null || (moved && spec.close === 'on-leave'))) row = await setStatus(state, row, 'open');
      // Reaching the slide puts its poll on screen; without a move an open ad-hoc poll keeps it.
      if (moved || !adhocOpen) await activate(state, row.pollKey);
    } else if (!adhocOpen) {
      await activate(state, null);
    }
    // Most slides have no poll: a move between them must not cost a second broadcast to every phone.
    if (from === null || onScreen(state) !== before) await announce(slug, state);
  }

  /** What phones see of the active poll, as one comparable value. */
  function onScreen(state: RunPolls): string {
    const row = state.active ? state.rows.get(state.active) : undefined;
    return row ? `${row.pollKey}:${row.status}:${row.resultsHidden}` : '';
  }

  function presenterRow(state: RunPolls, key: string): PollRow {
    const row = state.rows.get(key);
    if (!row) throw new LecternError(ErrorCode.unknownPoll, `There is no poll "${key}" in this run yet.`);
    return row;
  }

  /** Finds a poll the presenter names: one already in the run, or one in the deck (created closed). */
  async function resolveForPresenter(slug: string, key: string): Promise<{ state: RunPolls; row: PollRow }> {
    const talk = talks.require(slug);
    const state = await runPolls(talk);
    const slide = talk.deck.slides.find((s) => s.poll?.id === key);
    const row = slide?.poll ? await ensureRow(state, slug, slide.poll, slide.index) : presenterRow(state, key);
    return { state, row };
  }

  return {
    subscribe(listener: (e: PollEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    onSlide: (slug: string, from: number | null) => mutate(slug, () => onSlide(slug, from)),
    /** A peer process changed this talk's polls: reload them on next use (queued behind changes in progress). */
    invalidate: (slug: string) => void serial(slug, async () => invalidate(slug)),

    /** What a client sees of the active poll: results for staff, and for voters when visible. */
    async active(slug: string, viewer: { role: Role; voter?: string }): Promise<ActivePoll & { runId: number }> {
      const talk = talks.require(slug);
      let state: RunPolls;
      try {
        state = await runPolls(talk);
      } catch (err) {
        // The database is away: the slide still syncs; the poll shows again once it is back.
        log.warn({ err: (err as Error).message }, 'poll state unavailable');
        return { poll: null, runId: talk.run.id };
      }
      const row = state.active ? state.rows.get(state.active) : undefined;
      if (!row) return { poll: null, runId: state.runId };
      try {
        const myAnswer = viewer.voter ? ((await findVote(db, row.id, viewer.voter))?.answer as Answer | undefined) : undefined;
        // Hidden results are the presenter's alone; the screen needs no key, so it gets only the count.
        const seesResults = viewer.role !== 'audience' || (!row.resultsHidden && myAnswer !== undefined);
        const redacted = viewer.role === 'screen' && row.resultsHidden;
        return {
          runId: state.runId,
          poll: pollView(row),
          ...(seesResults ? { results: redacted ? redactResults(await tallies.recent(row)) : await tallies.recent(row) } : {}),
          ...(myAnswer !== undefined ? { myAnswer } : {}),
        };
      } catch (err) {
        log.warn({ err: (err as Error).message }, 'poll results unavailable');
        return { runId: state.runId, poll: pollView(row) };
      }
    },

    /** Validates and stores an answer; resolves only after it is committed. */
    vote(slug: string, voter: string, key: string, raw: unknown): Promise<{ poll: PollView; answer: Answer; runId: number }> {
      const done = vote(slug, voter, key, raw);
      inflight.add(done);
      void done.finally(() => inflight.delete(done)).catch(() => undefined);
      return done;
    },

    open: (slug: string, key: string) => mutate(slug, async () => {
      const { state, row } = await resolveForPresenter(slug, key);
      const updated = await setStatus(state, row, 'open');
      await activate(state, updated.pollKey);
      await announce(slug, state);
      return pollView(updated);
    }),

    close: (slug: string, key: string) => mutate(slug, async () => {
      const { state, row } = await resolveForPresenter(slug, key);
      const updated = await setStatus(state, row, 'closed');
      if (state.active === updated.pollKey) await announce(slug, state);
      throttle.mark(String(updated.id)); // the final tally goes out after the close
      return pollView(updated);
    }),

    reveal: (slug: string, key: string, reveal: boolean) => mutate(slug, async () => {
      const { state, row } = await resolveForPresenter(slug, key);
      await setResultsHidden(db, row.id, !reveal);
      const updated = { ...row, resultsHidden: !reveal };
      state.rows.set(updated.pollKey, updated);
      if (state.active === updated.pollKey) await announce(slug, state);
      return pollView(updated);
    }),

    reset: (slug: string, key: string) => mutate(slug, async () => {
      const { state, row } = await resolveForPresenter(slug, key);
      await writer.flush();
      await deleteVotes(db, row.id);
      tallies.forget(row.id);
      emit({ type: 'poll:reset', slug, runId: row.runId, poll: pollView(row) });
      if (state.active === row.pollKey) await announce(slug, state);
      return pollView(row);
    }),

    /** Asks an ad-hoc question in the current run; it opens at once and becomes the active poll. */
    create: (slug: string, spec: PollSpec) => mutate(slug, async () => {
      const talk = talks.require(slug);
      const state = await runPolls(talk);
      const taken = new Set([...state.rows.keys(), ...talk.deck.slides.flatMap((s) => (s.poll ? [s.poll.id] : []))]);
      let id = spec.id;
      for (let n = 2; taken.has(id); n++) id = `${spec.id}-${n}`;
      const row = await setStatus(state, await ensureRow(state, slug, { ...spec, id }, null), 'open');
      await activate(state, row.pollKey);
      await announce(slug, state);
      return pollView(row);
    }),

    /**
     * The deck file changed: polls this run already created take the edit where their answers
     * allow it (see `applyDeckEdit`), then the poll on screen is announced again.
     */
    onDeckUpdated: (slug: string) => mutate(slug, async () => {
      const talk = talks.require(slug);
      const state = await runPolls(talk);
      for (const slide of talk.deck.slides) {
        const spec = slide.poll;
        const row = spec && state.rows.get(spec.id);
        if (!spec || !row || (sameSpec(row.spec, spec) && row.slideIndex === slide.index)) continue;
        // An answer checked against the old options must not be stored after the new ones: votes
        // pause (closed in this cache) while the ones already accepted are written and counted.
        const paused: PollRow = { ...row, status: 'closed' };
        state.rows.set(row.pollKey, paused);
        let next = row;
        try {
          await writer.flush();
          next = await takeDeckEdit(slug, row, spec, slide.index);
        } finally {
          if (state.rows.get(row.pollKey) === paused) state.rows.set(row.pollKey, next);
        }
        if (next !== row) {
          tallies.forget(row.id);
          throttle.mark(String(row.id));
        }
      }
      await onSlide(slug, null);
    }),

    /** Forgets cached run state (a new run started) and re-evaluates the active poll. */
    onRunStarted: (slug: string) => mutate(slug, async () => {
      invalidate(slug);
      await onSlide(slug, null);
    }),

    /** Sends nothing more and waits for queued votes to commit. */
    async shutdown() {
      await Promise.allSettled([...inflight]);
      throttle.close();
      await writer.flush();
    },
  };
}
