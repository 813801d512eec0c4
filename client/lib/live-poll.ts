/**
 * How a view's copy of the active poll follows the server's events: pure functions, no I/O,
 * so the merge rules are easy to read and to test.
 */
import type { ActivePoll, PollResults } from '../../server/contract/events.js';

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
  };
}

/**
 * A `poll:results` event arrived. A tally of zero while this phone holds an answer means the
 * presenter reset the poll: the answer is gone, so the phone may answer again.
 */
export function applyResults(prev: ActivePoll, pollId: string, results: PollResults, isVoter: boolean): ActivePoll {
  if (prev.poll?.id !== pollId) return prev;
  if (isVoter && results.total === 0 && prev.myAnswer !== undefined) return { poll: prev.poll };
  return { ...prev, results };
}
