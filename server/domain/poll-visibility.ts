/** Who may see a poll's results: one rule for the snapshot, the broadcasts and the results API. */
import type { Role } from '../../contract/events.js';
import type { Answer, AnswerAction, AnswerModeration, AnswerStatus, ModeratedAnswer, PollResults, PollSpec } from '../../contract/poll.js';
import { normalizeWord, redactResults } from './poll.js';
import { canModerate } from './roles.js';

/** `full`: the tally; `count`: only how many answered; `none`: nothing. */
export type ResultsAccess = 'full' | 'count' | 'none';

export interface ResultsViewer {
  role: Role;
  /** An audience device that has answered this poll. */
  answered?: boolean;
}

/**
 * The presenter (and a moderator) sees everything. Hidden results are the presenter's alone; the screen needs no
 * key, so it (and the public results page, which sees what the screen sees) gets only the count.
 * Visible results go to the screen, and to a phone once it has answered.
 */
export function resultsAccess(viewer: ResultsViewer, poll: { resultsHidden: boolean }): ResultsAccess {
  if (canModerate(viewer.role)) return 'full';
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

/** Only visible answers count: on the screen, on phones, in the results page and the keyless export. */
export function countsInResults(status: AnswerStatus): boolean {
  return status === 'visible';
}

/** What the filter reads in an answer: each word of a word cloud, a text answer; nothing of choices or numbers (the deck wrote those). */
export function screenedTexts(spec: Pick<PollSpec, 'type'>, answer: Answer): string[] {
  if (spec.type === 'words') return Array.isArray(answer) ? answer.map(String) : [String(answer)];
  if (spec.type === 'text') return [String(answer)];
  return [];
}

/** The status a new answer is stored with: held when the poll is pre-moderated or the filter flagged it. */
export function arrivalStatus(spec: Pick<PollSpec, 'moderation'>, flagged: boolean): AnswerStatus {
  return spec.moderation === 'pre' || flagged ? 'held' : 'visible';
}

/** The status a moderation action sets: approving also unhides. */
export function statusAfter(action: AnswerAction): AnswerStatus {
  return action === 'approve' ? 'visible' : 'hidden';
}

/** The answers (of those given) holding this word, compared as the word cloud counts it. */
export function answersWithWord(answers: readonly { id: number; answer: unknown }[], word: string): number[] {
  const key = normalizeWord(word);
  return answers.filter(({ answer }) => (Array.isArray(answer) ? answer : [answer]).some((w) => normalizeWord(String(w)) === key)).map((a) => a.id);
}

/** Caps on each moderation list, so a flood of held answers costs the presenter's socket a bounded message. */
export const MODERATION_LIST_LIMITS = { held: 100, hidden: 50, shown: 30 } as const;

/**
 * A poll's answers as a moderator works through them: held ones oldest first (a queue), hidden and
 * shown ones newest first. `reasonsOf` tells why the filter would hold an answer.
 */
export function answerModeration(
  poll: string,
  answers: readonly { id: number; answer: unknown; status: AnswerStatus; at: number }[],
  reasonsOf: (answer: Answer) => string[] = () => [],
): AnswerModeration {
  const view = (a: (typeof answers)[number]): ModeratedAnswer => {
    const reasons = a.status === 'visible' ? [] : reasonsOf(a.answer as Answer);
    return { id: a.id, answer: a.answer as Answer, status: a.status, at: a.at, ...(reasons.length ? { reasons } : {}) };
  };
  const held = answers.filter((a) => a.status === 'held');
  const hidden = answers.filter((a) => a.status === 'hidden');
  const shown = answers.filter((a) => a.status === 'visible');
  const newest = <T>(list: T[], n: number) => list.slice(-n).reverse();
  return {
    poll,
    held: held.slice(0, MODERATION_LIST_LIMITS.held).map(view),
    hidden: newest(hidden, MODERATION_LIST_LIMITS.hidden).map(view),
    shown: newest(shown, MODERATION_LIST_LIMITS.shown).map(view),
    heldCount: held.length,
    hiddenCount: hidden.length,
  };
}
