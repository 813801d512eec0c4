/** Voter ids for tests: what a phone keeps in its storage, made up fresh so no two tests share a voter. */
import { randomBytes } from 'node:crypto';

/** A new random voter id, shaped like the ones the client makes (16 base64url characters). */
export function newVoterId(): string {
  return randomBytes(12).toString('base64url');
}
