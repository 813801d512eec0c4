/**
 * Voter ids for tests. The server issues voter ids in a signed cookie; test servers sign with
 * TEST_VOTER_SECRET, so a test can be any voter it names (the way a phone keeps its cookie) by
 * sending the cookie the server would have set for that id.
 */
import { randomBytes } from 'node:crypto';
import { signVoterId, VOTER_COOKIE } from '../../server/auth/voter-cookie.js';

/** The VOTER_SECRET every test server (in-process and spawned) signs voter cookies with. */
export const TEST_VOTER_SECRET = 'test-voter-secret-0123456789abcdef-0123456789';

/** A new random voter id, shaped like the ones the server makes (base64url). */
export function newVoterId(): string {
  return randomBytes(12).toString('base64url');
}

/** The Cookie header a phone with voter id `id` sends to a test server. */
export function voterCookie(id: string, secret = TEST_VOTER_SECRET): string {
  return `${VOTER_COOKIE}=${signVoterId(secret, id)}`;
}

/** socket.io-client options that make the socket the voter `id` (Node sends these headers on the websocket). */
export function asVoter(id: string | undefined): { extraHeaders?: Record<string, string> } {
  return id ? { extraHeaders: { cookie: voterCookie(id) } } : {};
}
