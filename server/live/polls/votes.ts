import type { Logger } from 'pino';
import type { Db } from '../../../db/client.js';
import type { Answer } from '../../../contract/poll.js';
import { ErrorCode, LecternError } from '../../domain/errors.js';
import { requireInTime } from '../../domain/countdown.js';
import { acceptVote } from '../../domain/poll.js';
import { arrivalStatus, screenedTexts } from '../../domain/poll-visibility.js';
import { screenAll } from '../../domain/text-filter.js';
import type { ScreeningService } from '../screening.js';
import type { Talks } from '../talks.js';
import { createVoteWriter } from '../vote-writer.js';
import type { RunCache } from './run-cache.js';

/** A stored answer, as the voter's ack reports it (no poll view: built per answer, the ack never sent it). */
export interface StoredVote {
  answer: Answer;
  runId: number;
  /** Stored, but waiting for a moderator: the poll is pre-moderated or the filter held it. */
  held: boolean;
}

/**
 * The vote path: check the answer against the poll as cached (no read before the write), store it
 * through the group-commit writer, resolve once committed. `onCommitted` hears which polls changed.
 */
export function createVotes(deps: { db: Db; talks: Talks; cache: RunCache; log: Logger; screening: ScreeningService; onCommitted: (pollId: number) => void }) {
  const { talks, cache, log } = deps;
  const inflight = new Set<Promise<unknown>>();
  const writer = createVoteWriter(deps.db, {
    onBatch: (votes) => new Set(votes.map((v) => v.pollId)).forEach((id) => deps.onCommitted(id)),
  });

  async function vote(slug: string, voter: string, key: string, raw: unknown): Promise<StoredVote> {
    const answeredAt = Date.now(); // the server's clock at arrival: quiz speed counts from here, not from the commit
    const talk = talks.require(slug);
    const state = await cache.forVote(talk, key);
    const row = state.rows.get(key);
    if (!row) {
      const inDeck = talk.deck.slides.some((s) => s.poll?.id === key);
      throw inDeck
        ? new LecternError(ErrorCode.pollClosed, 'This poll is not open yet.')
        : new LecternError(ErrorCode.unknownPoll, `There is no poll "${key}" in this talk.`);
    }
    requireInTime(row.closesAt, answeredAt); // before the status: a poll its countdown closed says why
    const answer = acceptVote(row.spec, row.status, raw);
    // A flagged answer is stored like any other (and acknowledged), only held: the phone is never
    // told the filter caught it, and the screen never shows it unless a moderator approves it.
    const texts = screenedTexts(row.spec, answer);
    const flagged = texts.length > 0 && screenAll(deps.screening.forDeck(talk.deck), texts).flagged;
    const status = arrivalStatus(row.spec, flagged);
    try {
      await writer.write({ pollId: row.id, voterId: voter, answer, status, answeredAt });
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'vote not stored');
      throw new LecternError(ErrorCode.unavailable, 'Your answer could not be saved just now; please send it again.');
    }
    return { answer, runId: row.runId, held: status === 'held' };
  }

  return {
    /** Validates and stores an answer; resolves only after it is committed. */
    cast(slug: string, voter: string, key: string, raw: unknown): Promise<StoredVote> {
      const done = vote(slug, voter, key, raw);
      inflight.add(done);
      void done.finally(() => inflight.delete(done)).catch(() => undefined);
      return done;
    },
    /** Waits until every answer accepted so far is written (before a reset or a deck edit). */
    flush: () => writer.flush(),
    /** Waits for the answers in flight to be stored or refused (shutdown). */
    async settle() {
      await Promise.allSettled([...inflight]);
    },
  };
}

export type Votes = ReturnType<typeof createVotes>;
