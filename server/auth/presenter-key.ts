import { createHash, scryptSync, timingSafeEqual } from 'node:crypto';
import { ErrorCode, LecternError } from '../domain/errors.js';
import type { KeyLockout } from './lockout.js';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Compares a presented key with the real one in constant time (hashing first evens out lengths). */
export function keyMatches(presented: string, actual: string): boolean {
  return timingSafeEqual(digest(presented), digest(actual));
}

const SESSION_PREFIX = 'ls1.';
const sessions = new Map<string, string>();

/**
 * The presenter session a connected presenter gets in `state`: 256 bits derived from the key (computed
 * once per key), so
 * every process and a restarted one accept it, and changing PRESENTER_KEY revokes it. It works
 * wherever the key does (socket auth, `Authorization: Bearer`).
 */
export function presenterSession(presenterKey: string): string {
  let session = sessions.get(presenterKey);
  if (!session) {
    // Stretched with scrypt, so someone who copies a session cannot cheaply guess a short key from it.
    const stretched = scryptSync(presenterKey, 'lectern presenter session', 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    session = SESSION_PREFIX + stretched.toString('base64url');
    sessions.set(presenterKey, session);
  }
  return session;
}

/**
 * Checks a presenter credential (the key or a session) from `address`. A session cannot be guessed,
 * so it is never locked out: someone hammering wrong keys from the venue's shared NAT address
 * cannot lock out a presenter who is already connected, or their reconnects and page reloads.
 * Keys (maybe short, chosen by a person) are: wrong ones count towards the address's lockout.
 */
export function checkPresenterCredential(presented: string, opts: { presenterKey: string; lockout: KeyLockout }, address: string): void {
  if (presented.startsWith(SESSION_PREFIX) && keyMatches(presented, presenterSession(opts.presenterKey))) return;
  const wait = opts.lockout.lockedFor(address);
  if (wait > 0) throw new LecternError(ErrorCode.rateLimited, `Too many wrong presenter keys; try again in ${Math.ceil(wait / 1000)} s.`);
  if (!keyMatches(presented, opts.presenterKey)) {
    opts.lockout.failed(address);
    throw new LecternError(ErrorCode.unauthorized, 'Wrong presenter key.');
  }
  opts.lockout.succeeded(address);
}
