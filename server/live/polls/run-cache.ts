import type { Db } from '../../../db/client.js';
import { findRun, pollsForRun, quizAnswersForRun, type PollRow } from '../../../db/repo/index.js';
import { rightCounts } from '../../domain/quiz.js';
import { createCadence } from '../cadence.js';
import type { createSerialQueue } from '../serial.js';

/** A run's polls as this process knows them. */
export interface RunPolls {
  runId: number;
  rows: Map<string, PollRow>;
  /** The poll on screen: the current slide's, or an open ad-hoc one. */
  active: string | null;
}

/** The talk a cache entry belongs to: its slug and the run in progress. */
export interface RunRef {
  deck: { slug: string };
  run: { id: number };
}

export interface RunCacheDeps {
  db: Db;
  /** The talk's command queue, shared with the poll changes. */
  serial: ReturnType<typeof createSerialQueue>;
  /** Reads a run's polls and the poll on screen (the database unless a test gives its own). */
  load?: (runId: number) => Promise<{ rows: PollRow[]; active: string | null }>;
  now?: () => number;
  /** Least time between two re-reads for a vote (per talk). */
  rereadMs?: number;
  /** Told each run's polls as loaded (the countdowns schedule their closes from them). */
  onLoad?: (rows: PollRow[]) => void;
}

/**
 * Each talk's run polls, loaded once per run so votes need no read before their write.
 * `invalidate` (a peer changed them, a new run) makes the next use load afresh.
 */
export function createRunCache(deps: RunCacheDeps) {
  const { db, serial } = deps;
  const load = deps.load ?? (async (runId: number) => {
    const [rows, run] = await Promise.all([pollsForRun(db, runId), findRun(db, runId)]);
    return { rows: await withRightCounts(db, runId, rows), active: run?.activePoll ?? null };
  });
  const runs = new Map<string, RunPolls>();
  const loading = new Map<string, { runId: number; gen: number; promise: Promise<RunPolls> }>();
  const generation = new Map<string, number>();
  const pollKeyOf = new Map<number, { slug: string; key: string }>();
  const reread = createCadence(deps.rereadMs ?? 1_000, deps.now);

  function get(talk: RunRef): Promise<RunPolls> {
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
      const loaded = await load(runId);
      const state: RunPolls = { runId, rows: new Map(loaded.rows.map((r) => [r.pollKey, r])), active: loaded.active };
      loaded.rows.forEach((r) => pollKeyOf.set(r.id, { slug, key: r.pollKey }));
      deps.onLoad?.(loaded.rows);
      // A load overtaken by invalidate() serves its caller but does not become the cache.
      if ((generation.get(slug) ?? 0) === gen) runs.set(slug, state);
      return state;
    })();
    loading.set(slug, { runId, gen, promise });
    const settle = () => loading.get(slug)?.promise === promise && loading.delete(slug);
    void promise.then(settle, settle);
    return promise;
  }

  function invalidate(slug: string) {
    runs.delete(slug);
    loading.delete(slug);
    generation.set(slug, (generation.get(slug) ?? 0) + 1);
  }

  return {
    get,
    invalidate,
    /** Puts a row (new or changed) in the talk's run state. */
    remember(state: RunPolls, slug: string, row: PollRow) {
      state.rows.set(row.pollKey, row);
      pollKeyOf.set(row.id, { slug, key: row.pollKey });
    },
    /** Which talk and key a poll id belongs to, as far as this process has seen. */
    refOf: (pollId: number) => pollKeyOf.get(pollId),

    /**
     * The run's polls, re-read (at most once per `rereadMs` per talk) when `key` is missing or not
     * open here: with several processes, the presenter's process may have opened it a moment ago
     * and its message to us can be late or lost.
     */
    async forVote(talk: RunRef, key: string): Promise<RunPolls> {
      const slug = talk.deck.slug;
      const state = await get(talk);
      if (state.rows.get(key)?.status === 'open' || reread.take(slug) > 0) return state;
      // In the talk's queue, so the fresh copy cannot miss a change the presenter is making right now.
      return serial(slug, async () => {
        invalidate(slug);
        return get(talk);
      });
    },
  };
}

export type RunCache = ReturnType<typeof createRunCache>;

/**
 * Quiz questions whose answer was shown carry how many answers were right (their view shows it):
 * counted from the stored answers, so a restarted or peer process shows the same as the one that
 * revealed them. One query, and only for a run that has shown one.
 */
async function withRightCounts(db: Db, runId: number, rows: PollRow[]): Promise<PollRow[]> {
  const questions = rows.filter((r) => r.spec.correct && r.correctShownAt !== null).map((r) => ({ pollId: r.id, spec: r.spec, openedAt: r.openedAt, shownAt: r.correctShownAt }));
  if (!questions.length) return rows;
  const counts = rightCounts(questions, await quizAnswersForRun(db, runId));
  return rows.map((r) => (counts.has(r.id) ? { ...r, rightCount: counts.get(r.id)!.right } : r));
}
