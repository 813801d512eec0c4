import type { Db } from '../../db/client.js';
import { votesForPoll, type PollRow } from '../../db/repo/index.js';
import { tally, type PollResults } from '../domain/poll.js';

export interface TalliesOptions {
  readVotes?: typeof votesForPoll;
  now?: () => number;
}

/**
 * Poll tallies read from the database. Broadcasts always read afresh, so the last one equals what
 * is stored; a connecting socket may share one at most a second old, so ten thousand phones
 * reconnecting after a restart do not each read every vote. `readVotes` and `now` are the database
 * read and the clock, replaceable in tests.
 */
export function createTallies(db: Db, maxAgeMs = 1_000, { readVotes = votesForPoll, now = Date.now }: TalliesOptions = {}) {
  const recent = new Map<number, { at: number; results: Promise<PollResults> }>();

  function fresh(row: PollRow): Promise<PollResults> {
    const results = readVotes(db, row.id).then((votes) => tally(row.spec, votes));
    recent.set(row.id, { at: now(), results });
    results.catch(() => recent.delete(row.id));
    return results;
  }

  return {
    fresh,
    recent(row: PollRow): Promise<PollResults> {
      const cached = recent.get(row.id);
      return cached && now() - cached.at < maxAgeMs ? cached.results : fresh(row);
    },
    /** New votes were committed (or deleted): the next reader must see them. */
    forget(pollId: number) {
      recent.delete(pollId);
    },
  };
}
