/**
 * The phone's voter id, issued by the server and carried in a signed, HTTP-only cookie: a script
 * cannot pick ids, and page script cannot read or copy the cookie. Pure functions; the secret is
 * the caller's (server_secrets in the database, or VOTER_SECRET).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The cookie's name. */
export const VOTER_COOKIE = 'lectern_voter';

/** 400 days, the longest a browser keeps a cookie: a phone stays the same voter across talks. */
export const VOTER_COOKIE_MAX_AGE_S = 400 * 24 * 3600;

// the server makes 24 characters; any id it signed in this shape is accepted
const ID = /^[A-Za-z0-9_-]{16,64}$/;
const SIGNATURE_CHARS = 43; // a whole HMAC-SHA256 in base64url

/** A new voter id: 18 random bytes as base64url (24 characters of [A-Za-z0-9_-]). */
export function newVoterId(): string {
  return randomBytes(18).toString('base64url');
}

function signature(secret: string, id: string): string {
  return createHmac('sha256', secret).update(`lectern voter ${id}`).digest('base64url');
}

/** The cookie value for `id`: `<id>.<HMAC>`. */
export function signVoterId(secret: string, id: string): string {
  return `${id}.${signature(secret, id)}`;
}

/** The voter id a cookie value carries, or null when it is malformed or not signed with `secret`. */
export function verifyVoterCookie(secret: string, value: string | undefined): string | null {
  if (!value) return null;
  const dot = value.indexOf('.');
  const id = value.slice(0, dot);
  const sig = value.slice(dot + 1);
  if (dot < 0 || !ID.test(id) || sig.length !== SIGNATURE_CHARS) return null;
  const expected = Buffer.from(signature(secret, id));
  const given = Buffer.from(sig);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** The raw value of cookie `name` in a Cookie header, or undefined. */
export function cookieValue(header: string | string[] | undefined, name: string): string | undefined {
  const text = Array.isArray(header) ? header.join('; ') : header;
  if (!text) return undefined;
  for (const part of text.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    return part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
  }
  return undefined;
}

/** The voter id in a request's Cookie header, if it carries a valid one. */
export function voterFromCookieHeader(secret: string, header: string | string[] | undefined): string | null {
  return verifyVoterCookie(secret, cookieValue(header, VOTER_COOKIE));
}
