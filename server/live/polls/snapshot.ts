import type { Logger } from 'pino';
import type { Db } from '../../../db/client.js';
import { findVotes, type PollRow, type StoredVote } from '../../../db/repo/index.js';
import { createBatchLookup } from '../batch-lookup.js';
import type { Role } from '../../../contract/events.js';
import type { ActivePoll, Answer } from '../../../contract/poll.js';
import { resultsAccess, visibleResults } from '../../domain/poll-visibility.js';
import { canModerate } from '../../domain/roles.js';
import type { PollReading } from '../tallies.js';
import type { Talks } from '../talks.js';
import type { RunCache } from './run-cache.js';
import { pollView } from './view.js';

/** What a new socket sees of the poll on screen: its answer, and the results its role may see. */
export function createPollSnapshot(deps: { db: Db; talks: Talks; cache: RunCache; log: Logger; recentReading: (row: PollRow) => Promise<PollReading> }) {
  const { db, talks, cache, log } = deps;
  // phones joining together (a reconnect storm) ask for their answers in one query per poll
  const answers = createBatchLookup<string, StoredVote>((poll, voters) => findVotes(db, Number(poll), voters));

  return async function activePoll(slug: string, viewer: { role: Role; voter?: string }): Promise<ActivePoll & { runId: number }> {
    const talk = talks.require(slug);
    let state;
    try {
      state = await cache.get(talk);
    } catch (err) {
      // The database is away: the slide still syncs; the poll shows again once it is back.
      log.warn({ err: (err as Error).message }, 'poll state unavailable');
      return { poll: null, runId: talk.run.id };
    }
    const row = state.active ? state.rows.get(state.active) : undefined;
    if (!row) return { poll: null, runId: state.runId };
    try {
      const mine = viewer.voter ? await answers.get(String(row.id), viewer.voter) : undefined;
      const myAnswer = mine?.answer as Answer | undefined;
      const access = resultsAccess({ role: viewer.role, answered: myAnswer !== undefined }, row);
      const reading = access === 'none' ? undefined : await deps.recentReading(row);
      const results = reading && visibleResults(access, reading.results);
      return {
        runId: state.runId,
        poll: pollView(row),
        ...(results ? { results } : {}),
        ...(myAnswer !== undefined ? { myAnswer } : {}),
        // a hidden answer is not announced to its phone; a held one waits, and the phone may say so
        ...(mine?.status === 'held' ? { myAnswerHeld: true } : {}),
        ...(reading && canModerate(viewer.role) ? { moderation: reading.moderation } : {}),
      };
    } catch (err) {
      log.warn({ err: (err as Error).message }, 'poll results unavailable');
      return { runId: state.runId, poll: pollView(row) };
    }
  };
}
