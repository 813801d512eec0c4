/**
 * How a view's copy of the active poll follows the server's events: pure functions, no I/O,
 * so the merge rules are easy to read and to test.
 */
import type { ActivePoll, AnswerModeration, PollResults } from '../../contract/events.js';

/** No poll on screen. */
export const NO_POLL: ActivePoll = Object.freeze({ poll: null });

/**
 * A `poll:active` event arrived. Staff events carry results and replace everything. A phone's
 * event carries only the poll, so for the same poll it keeps its own answer, and keeps its
 * results unless the presenter just hid them.
 */
export function applyActive(prev: ActivePoll, next: ActivePoll): ActivePoll {
  const { poll } = next;
  if (!poll) return NO_POLL;
  if (next.results || poll.id !== prev.poll?.id) return next;
  return {
    poll,
    ...(prev.results && !poll.resultsHidden ? { results: prev.results } : {}),
    ...(prev.myAnswer !== undefined ? { myAnswer: prev.myAnswer } : {}),
    ...(prev.myAnswerHeld ? { myAnswerHeld: true } : {}),
  };
}

/** A `poll:moderation` event arrived (presenter, moderators): the lists replace the old ones, for the poll on screen only. */
export function applyModeration(prev: ActivePoll, moderation: AnswerModeration): ActivePoll {
  return prev.poll?.id === moderation.poll ? { ...prev, moderation } : prev;
}

/** A `poll:results` event arrived: the new tally replaces the old one, for the poll on screen only. */
export function applyResults(prev: ActivePoll, pollId: string, results: PollResults): ActivePoll {
  return prev.poll?.id === pollId ? { ...prev, results } : prev;
}

/**
 * A `poll:reset` event arrived: every answer to the poll is gone. A phone forgets its own and
 * its view of the results, and may answer again; staff get the fresh tally in `poll:active`.
 */
export function applyReset(prev: ActivePoll, pollId: string): ActivePoll {
  if (prev.poll?.id !== pollId || (prev.myAnswer === undefined && !prev.results)) return prev;
  return { poll: prev.poll };
}
