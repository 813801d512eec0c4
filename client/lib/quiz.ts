/** How quiz results read, on every view: ranks, points, right or wrong. Pure: no DOM, no network. */
import type { Answer, PollResults, PollView, QuizPlayer } from '../../contract/events.js';

/** 1 → "1st", 2 → "2nd", 11 → "11th", 22 → "22nd", 113 → "113th". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** 2350 → "2,350": the same grouping on every phone, whatever its locale. */
export const formatPoints = (n: number): string => n.toLocaleString('en-US');

/** "1 point", "2,350 points". */
export const pointsText = (n: number): string => `${formatPoints(n)} ${n === 1 ? 'point' : 'points'}`;

/** Whether a stored answer is right: a single choice names a right option; a multiple one names exactly the right set. */
export function isRight(answer: Answer | undefined, correct: readonly string[]): boolean {
  if (answer === undefined || typeof answer === 'number') return false;
  const chosen = new Set(typeof answer === 'string' ? [answer] : answer);
  return chosen.size === correct.length && correct.every((c) => chosen.has(c));
}

/**
 * The points a reveal gave this phone: its score now minus its score before the answer was shown.
 * Undefined when the score before is unknown (joined after the reveal) or the new standing has not
 * arrived yet (a right answer always gains something).
 */
export function pointsGained(before: number | undefined, now: number | undefined, right: boolean): number | undefined {
  if (before === undefined || now === undefined) return undefined;
  const gained = now - before;
  return right && gained <= 0 ? undefined : Math.max(0, gained);
}

/** A phone's line after a reveal: "Right! +850", "Right!", or "Not this time — the answer was Lima". */
export function verdict(answer: Answer | undefined, correct: readonly string[], gained: number | undefined): string {
  if (isRight(answer, correct)) return gained ? `Right! +${formatPoints(gained)}` : 'Right!';
  const was = correct.length === 1 ? 'the answer was' : 'the answers were';
  return `${answer === undefined ? 'No answer from you' : 'Not this time'} — ${was} ${correct.join(', ')}`;
}

/** "You: 3rd of 41 · 2,350 points". */
export function standingLine(me: Pick<QuizPlayer, 'rank' | 'score'>, players: number): string {
  return `You: ${ordinal(me.rank)} of ${players} · ${pointsText(me.score)}`;
}

/** "12 of 30 got it right" (30: the answers that count); without a tally, "12 got it right". */
export function rightLine(poll: Pick<PollView, 'rightCount'>, results: Pick<PollResults, 'total'> | undefined): string {
  const right = poll.rightCount ?? 0;
  return results ? `${right} of ${results.total} got it right` : `${right} got it right`;
}
