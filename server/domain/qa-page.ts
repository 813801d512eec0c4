/** Which questions a client gets in `state` and in each `qa:page`: pure functions, no I/O. */
import { QA_PAGE_MAX, QA_STATE_NEWEST, QA_STATE_TOP } from '../../contract/limits.js';

/** What page selection needs of a question. */
export interface Pageable {
  id: number;
  votes: number;
  pinned: boolean;
}

export interface FirstPage<Q> {
  /** The page, oldest first (the order the rows came in). */
  questions: Q[];
  /** Set when questions were left out: how many there are, and where `qa:page` goes on. */
  more?: { total: number; before: number };
}

/**
 * The questions a client gets when it connects: those `always` keeps (the pinned one, a phone's
 * own), the `top` most upvoted (ties: asked first) and the `newest`, each once. `rows` are what
 * this client may see, oldest first (ids grow with time). `more.before` is the oldest of the
 * newest: `qa:page` walks back from there, and the client merges by id what it already has.
 */
export function firstPage<Q extends Pageable>(
  rows: readonly Q[],
  opts: { top?: number; newest?: number; always?: (q: Q) => boolean } = {},
): FirstPage<Q> {
  const top = opts.top ?? QA_STATE_TOP;
  const newest = opts.newest ?? QA_STATE_NEWEST;
  if (rows.length <= top + newest) return { questions: [...rows] };
  const keep = new Set<number>();
  for (const q of rows) if (q.pinned || opts.always?.(q)) keep.add(q.id);
  const byVotes = [...rows].sort((a, b) => b.votes - a.votes || a.id - b.id);
  for (const q of byVotes.slice(0, top)) keep.add(q.id);
  const latest = rows.slice(-newest);
  for (const q of latest) keep.add(q.id);
  const questions = rows.filter((q) => keep.has(q.id));
  if (questions.length === rows.length) return { questions };
  return { questions, more: { total: rows.length, before: latest[0]!.id } };
}

/** Questions older than `before`, newest first, at most `limit`; `before` again while older ones remain. */
export function olderPage<Q extends Pageable>(rows: readonly Q[], before: number, limit = QA_PAGE_MAX): { questions: Q[]; before?: number } {
  const older = rows.filter((q) => q.id < before).sort((a, b) => b.id - a.id);
  const questions = older.slice(0, Math.min(limit, QA_PAGE_MAX));
  return older.length > questions.length ? { questions, before: questions.at(-1)!.id } : { questions };
}
