import type { Db } from '../../db/client.js';
import { votesForPoll, type PollRow } from '../../db/repo/index.js';
import type { Answer, AnswerModeration } from '../../contract/poll.js';
import { tally, type PollResults } from '../domain/poll.js';
import { answerModeration, countsInResults } from '../domain/poll-visibility.js';

export interface TalliesOptions {
  readVotes?: typeof votesForPoll;
  now?: () => number;
  /** Why the filter holds an answer of this poll (for the moderation list); none by default. */
  reasonsFor?: (row: PollRow) => (answer: Answer) => string[];
}

/** One read of a poll's answers: what the room sees (visible answers only) and what moderators work through. */
export interface PollReading {
  results: PollResults;
  moderation: AnswerModeration;
}

/**
 * Poll tallies read from the database. Broadcasts always read afresh, so the last one equals what
 * is stored; a connecting socket may share one at most a second old, so ten thousand phones
 * reconnecting after a restart do not each read every vote. Only visible answers count: held and
 * hidden ones appear in the moderation list alone. `readVotes` and `now` are replaceable in tests.
 */
export function createTallies(db: Db, maxAgeMs = 1_000, { readVotes = votesForPoll, now = Date.now, reasonsFor }: TalliesOptions = {}) {
  const recent = new Map<number, { at: number; reading: Promise<PollReading> }>();

  function read(row: PollRow): Promise<PollReading> {
    const reading = readVotes(db, row.id).then((votes) => ({
      results: tally(row.spec, votes.filter((v) => countsInResults(v.status ?? 'visible'))),
      moderation: answerModeration(row.pollKey, votes.map((v) => ({ ...v, status: v.status ?? 'visible' })), reasonsFor?.(row)),
    }));
    recent.set(row.id, { at: now(), reading });
    reading.catch(() => recent.delete(row.id));
    return reading;
  }

  function recentReading(row: PollRow): Promise<PollReading> {
    const cached = recent.get(row.id);
    return cached && now() - cached.at < maxAgeMs ? cached.reading : read(row);
  }

  return {
    /** A fresh read: results and the moderation list. */
    read,
    fresh: (row: PollRow): Promise<PollResults> => read(row).then((r) => r.results),
    /** A read at most `maxAgeMs` old (sockets connecting). */
    recentReading,
    recent: (row: PollRow): Promise<PollResults> => recentReading(row).then((r) => r.results),
    /** New votes were committed (or deleted, or moderated): the next reader must see them. */
    forget(pollId: number) {
      recent.delete(pollId);
    },
  };
}

export type Tallies = ReturnType<typeof createTallies>;
