import type { Db } from '../../../db/client.js';
import { deleteVotes, setCorrectShown, type PollRow } from '../../../db/repo/index.js';
import type { PollSpec, PollView } from '../../../contract/poll.js';
import { ErrorCode, LecternError } from '../../domain/errors.js';
import type { Talks } from '../talks.js';
import type { ResultsFeed } from './results-feed.js';
import type { PollRows } from './rows.js';
import type { RunCache, RunPolls } from './run-cache.js';
import { pollView, type PollEvent } from './view.js';

export interface PollCommandDeps {
  db: Db;
  talks: Talks;
  cache: RunCache;
  rows: PollRows;
  feed: ResultsFeed;
  emit: (e: PollEvent) => void;
  flushVotes: () => Promise<void>;
  /** A poll's stored answers changed (deleted): forget its cached tally. */
  forgetTally: (pollId: number) => void;
}

/** The presenter's poll controls (socket and HTTP alike); each runs in the talk's queue (see index.ts). */
export function createPollCommands(deps: PollCommandDeps) {
  const { talks, cache, rows, feed } = deps;

  /** Finds a poll the presenter names: one already in the run, or one in the deck (created closed). */
  async function resolve(slug: string, key: string): Promise<{ state: RunPolls; row: PollRow }> {
    const talk = talks.require(slug);
    const state = await cache.get(talk);
    const slide = talk.deck.slides.find((s) => s.poll?.id === key);
    if (slide?.poll) return { state, row: await rows.ensure(state, slug, slide.poll, slide.index) };
    const row = state.rows.get(key);
    if (!row) throw new LecternError(ErrorCode.unknownPoll, `There is no poll "${key}" in this run yet.`);
    return { state, row };
  }

  return {
    async open(slug: string, key: string): Promise<PollView> {
      const { state, row } = await resolve(slug, key);
      // Reopened after its answer was shown, phones could switch to the right option and score.
      if (row.correctShownAt !== null) throw new LecternError(ErrorCode.pollClosed, 'The answer to this question has been shown; reset the poll to ask it again.');
      const updated = await rows.setStatus(state, row, 'open');
      await rows.activate(state, updated.pollKey);
      await feed.announce(slug, state);
      return pollView(updated);
    },

    async close(slug: string, key: string): Promise<PollView> {
      const { state, row } = await resolve(slug, key);
      const updated = await rows.setStatus(state, row, 'closed');
      if (state.active === updated.pollKey) await feed.announce(slug, state);
      feed.mark(updated.id); // the final tally goes out after the close
      return pollView(updated);
    },

    async reveal(slug: string, key: string, reveal: boolean): Promise<PollView> {
      const { state, row } = await resolve(slug, key);
      const updated = await rows.setHidden(state, row, !reveal);
      if (state.active === updated.pollKey) await feed.announce(slug, state);
      return pollView(updated);
    },

    async reset(slug: string, key: string): Promise<PollView> {
      const resolved = await resolve(slug, key);
      const { state } = resolved;
      let row = resolved.row;
      await deps.flushVotes();
      // a quiz question reset is unanswered again: its right answer is hidden until shown anew
      if (row.correctShownAt !== null) {
        row = (await setCorrectShown(deps.db, row.id, false)) ?? row;
        state.rows.set(row.pollKey, row);
      }
      await deleteVotes(deps.db, row.id);
      deps.forgetTally(row.id);
      deps.emit({ type: 'poll:reset', slug, runId: row.runId, poll: pollView(row) });
      if (state.active === row.pollKey) await feed.announce(slug, state);
      return pollView(row);
    },

    /**
     * A quiz question's right answer shown: closed if open (answers in flight committed first), its
     * reveal stamped, its right answers counted by `count` (the quiz service, which scores the run
     * as it does), and the poll on screen announced with `correct` and `rightCount`.
     */
    async showCorrect(slug: string, key: string, count: (row: PollRow) => Promise<number>): Promise<PollView> {
      const { state, row } = await resolve(slug, key);
      if (!row.spec.correct?.length) throw new LecternError(ErrorCode.notQuiz, `"${row.question}" is not a quiz question: its poll block has no "correct:".`);
      const closed = await rows.setStatus(state, row, 'closed');
      await deps.flushVotes();
      const stamped = (await setCorrectShown(deps.db, closed.id, true)) ?? closed;
      const updated = { ...stamped, rightCount: await count(stamped) };
      state.rows.set(updated.pollKey, updated);
      if (state.active === updated.pollKey) await feed.announce(slug, state);
      if (closed !== row) feed.mark(updated.id); // the final tally goes out after the close
      return pollView(updated);
    },

    /** Asks an ad-hoc question in the current run; it opens at once and becomes the active poll. */
    async create(slug: string, spec: PollSpec): Promise<PollView> {
      const talk = talks.require(slug);
      const state = await cache.get(talk);
      const taken = new Set([...state.rows.keys(), ...talk.deck.slides.flatMap((s) => (s.poll ? [s.poll.id] : []))]);
      let id = spec.id;
      for (let n = 2; taken.has(id); n++) id = `${spec.id}-${n}`;
      const row = await rows.setStatus(state, await rows.ensure(state, slug, { ...spec, id }, null), 'open');
      await rows.activate(state, row.pollKey);
      await feed.announce(slug, state);
      return pollView(row);
    },
  };
}
