import type { Db } from '../../../db/client.js';
import { setVoteStatus, votesForPoll, type PollRow } from '../../../db/repo/index.js';
import type { AnswerAction, AnswerModeration } from '../../../contract/poll.js';
import { ErrorCode, LecternError } from '../../domain/errors.js';
import { answersWithWord, statusAfter } from '../../domain/poll-visibility.js';
import type { PollReading } from '../tallies.js';
import type { Talks } from '../talks.js';
import type { RunCache } from './run-cache.js';

/** Which answers a moderation command names: ids from the moderation list, or every answer holding a word. */
export type AnswerTarget = { ids: number[] } | { word: string };

/**
 * Approving and hiding single answers (presenter and moderators). The status lives on the vote
 * row, so it survives a restart and every process counts alike; `changed` re-sends the poll's
 * results (and moderation list) to every view.
 */
export function createAnswerModeration(deps: {
  db: Db;
  talks: Talks;
  cache: RunCache;
  /** Waits until answers already accepted are written (a word hidden now covers them too). */
  flushVotes: () => Promise<void>;
  read: (row: PollRow) => Promise<PollReading>;
  changed: (pollId: number) => void;
}) {
  const { db, talks, cache } = deps;

  async function rowOf(slug: string, key: string): Promise<PollRow> {
    const row = (await cache.get(talks.require(slug))).rows.get(key);
    if (!row) throw new LecternError(ErrorCode.unknownPoll, `There is no poll "${key}" in this run yet.`);
    return row;
  }

  return {
    async moderate(slug: string, key: string, action: AnswerAction, target: AnswerTarget): Promise<{ poll: string; changed: number }> {
      const row = await rowOf(slug, key);
      const status = statusAfter(action);
      let ids: number[];
      if ('word' in target) {
        await deps.flushVotes();
        const stored = await votesForPoll(db, row.id);
        ids = answersWithWord(stored.filter((v) => v.status !== status), target.word);
        if (!ids.length && !answersWithWord(stored, target.word).length) {
          throw new LecternError(ErrorCode.unknownAnswer, `No answer to "${key}" holds the word "${target.word.slice(0, 60)}".`);
        }
      } else ids = target.ids;
      const changed = await setVoteStatus(db, row.id, ids, status);
      if ('ids' in target && changed.length < new Set(target.ids).size) {
        // the ones that exist were changed; say which did not, so a stale list is noticed
        const missing = target.ids.filter((id) => !changed.includes(id));
        if (!changed.length) throw new LecternError(ErrorCode.unknownAnswer, `Poll "${key}" has no answer ${missing.slice(0, 5).join(', ')} (it may have been reset).`);
      }
      if (changed.length) deps.changed(row.id);
      return { poll: key, changed: changed.length };
    },

    /** The poll's answers for moderation, read afresh. */
    async list(slug: string, key: string): Promise<AnswerModeration> {
      return (await deps.read(await rowOf(slug, key))).moderation;
    },
  };
}

export type AnswerModerationService = ReturnType<typeof createAnswerModeration>;
