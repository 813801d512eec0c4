/**
 * Quiz rules as pure functions: whether an answer is right, what it scores, and the standings of a
 * run. Scores are never stored: they are recomputed from the stored answers with these rules, so
 * they cannot drift from them (a restart, another process, the CSV all get the same numbers).
 */
import type { AnswerStatus, PollSpec } from '../../contract/poll.js';
import type { QuizPlayer } from '../../contract/quiz.js';
import { DEFAULT_QUIZ_POINTS, MAX_NICKNAME_LENGTH } from '../../contract/limits.js';
import { codePointLength, stripBidiControls } from '../../contract/text.js';
import { ErrorCode, LecternError } from './errors.js';
import { hasUnstorableCharacters } from './poll.js';

/** Seconds an answer has for its points when the question has no `timer:` (like Kahoot's default). */
export const DEFAULT_QUIZ_WINDOW_SECONDS = 30;

type QuizSpec = Pick<PollSpec, 'type' | 'correct' | 'points' | 'timer'>;

/** A quiz question of a run as the rules need it. Times are epoch ms. */
export interface QuizQuestion {
  pollId: number;
  spec: QuizSpec;
  openedAt: number | null;
  /** When its right answer was shown; null: not shown, so it does not count yet. */
  shownAt: number | null;
}

/** A stored answer to a quiz question (`answeredAt`: the server's receipt time). */
export interface QuizAnswer {
  pollId: number;
  voterId: string;
  answer: unknown;
  status: AnswerStatus;
  answeredAt: number;
}

/** A numbered player of the run (the device stays on the server). */
export interface PlayerEntry {
  voterId: string;
  number: number;
  nickname: string | null;
}

/** A player's place, with what the server needs to find a phone's own (never sent as is). */
export interface RankedPlayer extends QuizPlayer, PlayerEntry {}

/** Whether a question counts: it has right options and they were shown. */
export const isShown = (q: QuizQuestion) => q.shownAt !== null && Boolean(q.spec.correct?.length);

/** True when the answer is right: the right option (single), or exactly the set of right options (multiple: all or nothing). */
export function isRight(spec: QuizSpec, answer: unknown): boolean {
  const correct = spec.correct;
  if (!correct?.length) return false;
  const chosen = Array.isArray(answer) ? answer : [answer];
  if (chosen.length !== correct.length) return false;
  return correct.every((c) => chosen.includes(c));
}

/**
 * Points for an answer: a right one given at once scores the question's points, one at the buzzer
 * half, linearly between (elapsed clamped to the window: an answer kept from before a re-opening
 * scores as if given at once, a late one as at the buzzer); a wrong one 0.
 */
export function scoreAnswer(spec: QuizSpec, answer: unknown, answeredAt: number, openedAt: number | null): number {
  if (!isRight(spec, answer)) return 0;
  const points = spec.points ?? DEFAULT_QUIZ_POINTS;
  const window = (spec.timer ?? DEFAULT_QUIZ_WINDOW_SECONDS) * 1000;
  const elapsed = Math.min(window, Math.max(0, answeredAt - (openedAt ?? answeredAt)));
  return Math.round(points * (1 - elapsed / (2 * window)));
}

/** "Player 17": how an anonymous player appears. */
export const anonymousName = (number: number) => `Player ${number}`;

// "Player 2" before "Player 10", and the same letters whatever their case, the same on every process
const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The run's players ranked: the sum of their scores over the shown questions, best first. Ties
 * share a rank (1, 2, 2, 4) and are listed by name. Only `visible` answers count; answers of
 * devices that are not players yet (numbered at the reveal) are left out.
 */
export function standings(questions: readonly QuizQuestion[], answers: readonly QuizAnswer[], players: readonly PlayerEntry[]): RankedPlayer[] {
  const shown = new Map(questions.filter(isShown).map((q) => [q.pollId, q]));
  const totals = new Map(players.map((p) => [p.voterId, { score: 0, right: 0 }]));
  for (const a of answers) {
    const q = shown.get(a.pollId);
    const total = totals.get(a.voterId);
    if (!q || !total || a.status !== 'visible' || !isRight(q.spec, a.answer)) continue;
    total.score += scoreAnswer(q.spec, a.answer, a.answeredAt, q.openedAt);
    total.right += 1;
  }
  const list = players.map((p) => ({ ...p, name: p.nickname ?? anonymousName(p.number), ...totals.get(p.voterId)!, rank: 0 }));
  list.sort((a, b) => b.score - a.score || byName.compare(a.name, b.name) || a.number - b.number);
  list.forEach((p, i) => (p.rank = i > 0 && list[i - 1]!.score === p.score ? list[i - 1]!.rank : i + 1));
  return list;
}

/** How many counted answers to each shown question are right, by poll id. */
export function rightCounts(questions: readonly QuizQuestion[], answers: readonly QuizAnswer[]): Map<number, { answers: number; right: number }> {
  const shown = new Map(questions.filter(isShown).map((q) => [q.pollId, q]));
  const counts = new Map([...shown.keys()].map((id) => [id, { answers: 0, right: 0 }]));
  for (const a of answers) {
    const q = shown.get(a.pollId);
    if (!q || a.status !== 'visible') continue;
    const c = counts.get(a.pollId)!;
    c.answers += 1;
    if (isRight(q.spec, a.answer)) c.right += 1;
  }
  return counts;
}

/**
 * The devices a reveal makes players, in the order they first answered a shown question (their
 * number order): those with a counted answer to one, not numbered yet.
 */
export function newPlayers(questions: readonly QuizQuestion[], answers: readonly QuizAnswer[], players: readonly PlayerEntry[]): string[] {
  const shown = new Set(questions.filter(isShown).map((q) => q.pollId));
  const known = new Set(players.map((p) => p.voterId));
  const first = new Map<string, number>();
  for (const a of answers) {
    if (!shown.has(a.pollId) || a.status !== 'visible' || known.has(a.voterId)) continue;
    first.set(a.voterId, Math.min(first.get(a.voterId) ?? Infinity, a.answeredAt));
  }
  return [...first].sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : 1)).map(([voter]) => voter);
}

// A name that reads as another (anonymous) player's would let a phone pose as "Player 3".
const POSING_AS_ANONYMOUS = /^player\s*\d+$/i;

/**
 * A nickname as typed → what is stored: trimmed, inner spaces collapsed, bidi controls removed;
 * null (anonymous again) when nothing is left. Refuses (nickname_refused) one too long, one with
 * characters that cannot be stored, or one shaped like an anonymous player's name. The word
 * filter is the caller's (it depends on the deck).
 */
export function acceptNickname(raw: string): string | null {
  if (hasUnstorableCharacters(raw)) throw new LecternError(ErrorCode.nicknameRefused, 'That nickname has characters that cannot be shown; choose another.');
  const name = stripBidiControls(raw).trim().replace(/\s+/g, ' ');
  if (!name) return null;
  if (codePointLength(name) > MAX_NICKNAME_LENGTH) throw new LecternError(ErrorCode.nicknameRefused, `A nickname has at most ${MAX_NICKNAME_LENGTH} characters.`);
  if (POSING_AS_ANONYMOUS.test(name)) throw new LecternError(ErrorCode.nicknameRefused, 'That nickname is kept for anonymous players; choose another.');
  return name;
}
