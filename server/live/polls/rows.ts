import type { Db } from '../../../db/client.js';
import { ensurePoll, setPollStatus, setResultsHidden, setRunActivePoll, type PollRow } from '../../../db/repo/index.js';
import type { PollSpec } from '../../../contract/poll.js';
import type { RunCache, RunPolls } from './run-cache.js';

/** Writes to a run's polls that keep the run cache in step with the database; `onStatus` hears each open and close. */
export function createPollRows(db: Db, cache: RunCache, onStatus?: (row: PollRow) => void) {
  return {
    /** The run's poll for `spec`: the one it has, or a new one (closed). */
    async ensure(state: RunPolls, slug: string, spec: PollSpec, slide: number | null): Promise<PollRow> {
      const existing = state.rows.get(spec.id);
      if (existing) return existing;
      const row = await ensurePoll(db, state.runId, {
        pollKey: spec.id,
        slideIndex: slide,
        spec,
        resultsHidden: spec.results === 'hidden',
      });
      cache.remember(state, slug, row);
      return row;
    },

    async setStatus(state: RunPolls, row: PollRow, status: 'open' | 'closed'): Promise<PollRow> {
      if (row.status === status) return row;
      const updated = (await setPollStatus(db, row.id, status))!;
      state.rows.set(updated.pollKey, updated);
      onStatus?.(updated);
      return updated;
    },

    async setHidden(state: RunPolls, row: PollRow, hidden: boolean): Promise<PollRow> {
      await setResultsHidden(db, row.id, hidden);
      const updated = { ...row, resultsHidden: hidden };
      state.rows.set(updated.pollKey, updated);
      return updated;
    },

    /** Records the poll on screen in the run, so a peer process or a restart shows the same. */
    async activate(state: RunPolls, key: string | null) {
      if (state.active === key) return;
      await setRunActivePoll(db, state.runId, key);
      state.active = key;
    },
  };
}

export type PollRows = ReturnType<typeof createPollRows>;
