import type { Logger } from 'pino';
import type { Db } from '../../../db/client.js';
import { countVotes, updatePollSpec, type PollRow } from '../../../db/repo/index.js';
import type { PollSpec } from '../../../contract/poll.js';
import { applyDeckEdit, sameSpec } from '../../domain/poll.js';
import type { Talks } from '../talks.js';
import type { RunCache } from './run-cache.js';

/**
 * The deck file changed: polls this run already created take the edit where their answers allow it
 * (see `applyDeckEdit`). `changed` hears of each poll whose definition moved on (its tally is stale).
 */
export function createDeckEdits(deps: {
  db: Db;
  talks: Talks;
  cache: RunCache;
  log: Logger;
  /** Waits until answers already accepted are written. */
  flushVotes: () => Promise<void>;
  changed: (pollId: number) => void;
}) {
  const { db, talks, cache, log } = deps;

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

  return async function applyDeckEdits(slug: string): Promise<void> {
    const talk = talks.require(slug);
    const state = await cache.get(talk);
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
        await deps.flushVotes();
        next = await takeDeckEdit(slug, row, spec, slide.index);
      } finally {
        if (state.rows.get(row.pollKey) === paused) state.rows.set(row.pollKey, next);
      }
      if (next !== row) deps.changed(row.id);
    }
  };
}
