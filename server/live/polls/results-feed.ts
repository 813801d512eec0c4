import type { Logger } from 'pino';
import type { PollRow } from '../../../db/repo/index.js';
import { createCadence } from '../cadence.js';
import type { PollReading } from '../tallies.js';
import { createKeyedThrottle } from '../throttle.js';
import type { RunPolls } from './run-cache.js';
import { pollView, type PollEvent } from './view.js';

export const RESULTS_INTERVAL_MS = 250;
// Phones get live results less often than the projector: with thousands of voters each broadcast to
// them costs thousands of writes, and a phone needs no more than a number a second.
export const VOTER_RESULTS_INTERVAL_MS = 1_000;

export interface ResultsFeedDeps {
  /** The poll with this id as the run cache has it now; undefined once a newer run replaced it. */
  current: (pollId: number) => Promise<{ slug: string; row: PollRow } | undefined>;
  /** A fresh read from the database: the tally and the moderation list. */
  read: (row: PollRow) => Promise<PollReading>;
  emit: (e: PollEvent) => void;
  log: Logger;
  now?: () => number;
}

/**
 * What goes out about polls: the poll on screen when it changes, and live results throttled per
 * poll (staff at most every 250 ms, phones every second), the last tally always sent.
 */
export function createResultsFeed(deps: ResultsFeedDeps) {
  const { emit, log } = deps;
  const now = deps.now ?? Date.now;
  const voters = createCadence(VOTER_RESULTS_INTERVAL_MS, now);

  const throttle = createKeyedThrottle(
    async (pollIdText) => {
      const id = Number(pollIdText);
      try {
        const found = await deps.current(id);
        if (!found) return;
        const { slug, row } = found;
        const wait = voters.take(id);
        // Too soon for the phones: run once more when they are due, so they get the final tally too.
        if (wait > 0) setTimeout(() => throttle.mark(pollIdText), wait).unref();
        const { results, moderation } = await deps.read(row);
        emit({ type: 'poll:results', slug, runId: row.runId, poll: pollView(row), results, moderation, toVoters: wait <= 0 });
      } catch (err) {
        log.warn({ err }, 'could not read poll results');
      }
    },
    RESULTS_INTERVAL_MS,
    now,
  );

  return {
    /** New answers (or none any more) for this poll: results go out soon. */
    mark: (pollId: number) => throttle.mark(String(pollId)),

    /** Tells every client the poll on screen (or that there is none) with its results. */
    async announce(slug: string, state: RunPolls) {
      const row = state.active ? state.rows.get(state.active) : undefined;
      const reading = row ? await deps.read(row) : null;
      emit({ type: 'poll:active', slug, runId: state.runId, poll: row ? pollView(row) : null, results: reading?.results ?? null, moderation: reading?.moderation ?? null });
      // Phones that already answered get results through their voter room (if visible).
      if (row) throttle.mark(String(row.id));
    },

    close: () => throttle.close(),
  };
}

export type ResultsFeed = ReturnType<typeof createResultsFeed>;
