/**
 * How a view's list of questions follows the server's events, and the orders it is shown in:
 * pure functions, no I/O.
 */
import type { QuestionView } from '../../contract/events.js';

/** How a list of questions is ordered: most upvoted first, or newest first. */
export type QuestionOrder = 'top' | 'new';

/**
 * A `questions:changed` event (or an ack) arrived: replace questions by id, add new ones, drop
 * `removed`. Broadcasts never say `mine`, so a question this phone asked stays marked as its own.
 */
export function mergeQuestions(
  prev: readonly QuestionView[],
  changed: readonly QuestionView[],
  removed: readonly number[] = [],
  votes: Readonly<Record<number, number>> = {},
): QuestionView[] {
  const byId = new Map(prev.map((q) => [q.id, q]));
  for (const id of removed) byId.delete(id);
  // upvote-only changes carry just the new counts
  for (const [id, count] of Object.entries(votes)) {
    const q = byId.get(Number(id));
    if (q) byId.set(q.id, { ...q, votes: count });
  }
  for (const q of changed) byId.set(q.id, byId.get(q.id)?.mine ? { ...q, mine: true } : q);
  return [...byId.values()];
}

/**
 * The pinned question first (it is on the screen); then, for `top`, open questions by votes
 * before answered ones (ties: asked first), or for `new` the newest first.
 */
export function sortQuestions(list: readonly QuestionView[], order: QuestionOrder): QuestionView[] {
  return [...list].sort(
    (a, b) =>
      Number(b.pinned) - Number(a.pinned) ||
      (order === 'new' ? b.at - a.at : Number(a.answered) - Number(b.answered) || b.votes - a.votes || a.at - b.at),
  );
}
