import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares a presented key with the real one in constant time (hashing first evens out lengths). */
export function keyMatches(presented: string, actual: string): boolean {
  return timingSafeEqual(digest(presented), digest(actual));
}
