import type { PollRow } from '../../../db/repo/index.js';
import type { AnswerModeration, PollResults, PollView } from '../../../contract/poll.js';

/** Facts about polls for the realtime layer to broadcast (it applies the visibility rule). */
export type PollEvent =
  | { type: 'poll:active'; slug: string; runId: number; poll: PollView | null; results: PollResults | null; moderation: AnswerModeration | null }
  | { type: 'poll:results'; slug: string; runId: number; poll: PollView; results: PollResults; moderation: AnswerModeration; toVoters: boolean }
  | { type: 'poll:reset'; slug: string; runId: number; poll: PollView };

/** A poll row as cached: a quiz question whose answer was shown also knows how many answers were right (counted, not stored). */
export type QuizCountedRow = PollRow & { rightCount?: number };

/**
 * The view every client gets of a poll row. A quiz question's right options stay out of it until
 * the presenter shows them: the view goes to phones, and a phone must not find them in its traffic.
 */
export function pollView(row: QuizCountedRow): PollView {
  const { id: _id, open: _o, close: _c, results: _r, question: _q, type: _t, correct, ...shape } = row.spec;
  return {
    id: row.pollKey,
    question: row.question,
    type: row.type,
    ...shape,
    status: row.status,
    openedAt: row.openedAt,
    resultsHidden: row.resultsHidden,
    slide: row.slideIndex,
    ...(correct ? { quiz: true } : {}),
    ...(row.status === 'open' && row.closesAt !== null ? { closesAt: row.closesAt } : {}),
    ...(correct && row.correctShownAt !== null ? { correct, ...(row.rightCount !== undefined ? { rightCount: row.rightCount } : {}) } : {}),
  };
}
