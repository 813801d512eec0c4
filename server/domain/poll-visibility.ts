/** Who may see a poll's results: one rule for the snapshot, the broadcasts and the results API. */
import type { Role } from '../../contract/events.js';
import type { PollResults } from '../../contract/poll.js';
import { redactResults } from './poll.js';

/** `full`: the tally; `count`: only how many answered; `none`: nothing. */
export type ResultsAccess = 'full' | 'count' | 'none';

export interface ResultsViewer {
  role: Role;
  /** An audience device that has answered this poll. */
  answered?: boolean;
}

/**
 * The presenter sees everything. Hidden results are the presenter's alone; the screen needs no
 * key, so it (and the public results page, which sees what the screen sees) gets only the count.
 * Visible results go to the screen, and to a phone once it has answered.
 */
export function resultsAccess(viewer: ResultsViewer, poll: { resultsHidden: boolean }): ResultsAccess {
  if (viewer.role === 'presenter') return 'full';
  if (poll.resultsHidden) return viewer.role === 'screen' ? 'count' : 'none';
  if (viewer.role === 'screen') return 'full';
  return viewer.answered ? 'full' : 'none';
}

/** The results as `access` allows them: whole, redacted to the count, or undefined. */
export function visibleResults(access: ResultsAccess, results: PollResults): PollResults | undefined {
  return access === 'full' ? results : access === 'count' ? redactResults(results) : undefined;
}

/** Shorthand: what this viewer may see of these results. */
export function resultsFor(viewer: ResultsViewer, poll: { resultsHidden: boolean }, results: PollResults): PollResults | undefined {
  return visibleResults(resultsAccess(viewer, poll), results);
}
