/**
 * Poll countdowns as pure rules: when an answer is too late, and when a process should try to close
 * a poll whose deadline it knows. The database holds the deadline (polls.closes_at); the server's
 * clock decides, never a phone's.
 */
import { ErrorCode, LecternError } from './errors.js';

/** setTimeout keeps at most this many ms (about 24.8 days); a longer wait fires at once. */
const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/**
 * A process whose clock runs ahead of the database's finds the deadline not reached yet; it tries
 * again after at least this long rather than spinning.
 */
export const RETRY_FLOOR_MS = 100;

/** True when an answer received at `at` (server ms) comes at or after the deadline. */
export function isTimeUp(closesAt: number | null, at: number): boolean {
  return closesAt !== null && at >= closesAt;
}

/**
 * Throws `time_up` for an answer at or after the poll's deadline: whether or not the close has run
 * yet, and also once it has (a timer close keeps the deadline so the phone learns why).
 */
export function requireInTime(closesAt: number | null, at: number): void {
  if (isTimeUp(closesAt, at)) throw new LecternError(ErrorCode.timeUp, 'Time is up: answers closed at 0:00.');
}

/** How long to wait before closing at `closesAt`, seen at `now`; `retry` after a too-early attempt. */
export function closeDelay(closesAt: number, now: number, retry = false): number {
  const wait = Math.max(0, closesAt - now);
  return Math.min(MAX_TIMEOUT_MS, retry ? Math.max(RETRY_FLOOR_MS, wait) : wait);
}

