/**
 * Who may do what in a talk, as pure functions: the one rule the socket commands, the HTTP routes
 * and the client's controls follow.
 *
 * Roles on a connection: `presenter` (the talk's presenter key, or the admin key, which is the
 * presenter of every talk), `moderator` (the talk's moderator key), `screen` and `audience` (no key).
 * Admin is a scope of a key or session, not a role of its own: on a socket it is a presenter.
 */
import { Role } from '../../contract/events.js';
import { ErrorCode, LecternError } from './errors.js';

export { Role } from '../../contract/events.js';

/** The roles a key can grant; the others need none. */
export const KEYED_ROLES = [Role.presenter, Role.moderator] as const;
export type KeyedRole = (typeof KEYED_ROLES)[number];

/** What a key or session is good for: one talk, or every talk (the server-wide admin key). */
export type KeyScope = { kind: 'talk'; talk: string } | { kind: 'admin' };

/** What the deck's front matter says about its moderators: `moderators: drive` lets them move slides and run polls. */
export interface DeckPermissions {
  moderatorsDrive: boolean;
}

/** Reads `moderators:` from a deck's front matter; anything but `drive` (or `[drive]`) grants nothing more. */
export function deckPermissions(deck: { meta?: Record<string, unknown> } | undefined): DeckPermissions {
  const value = deck?.meta?.['moderators'];
  const words = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return { moderatorsDrive: words.some((w) => typeof w === 'string' && w.trim().toLowerCase() === 'drive') };
}

/** True for a role that came with a key (presenter, moderator). */
export function isKeyed(role: Role): role is KeyedRole {
  return role === Role.presenter || role === Role.moderator;
}

/**
 * Drive the talk: move slides and steps, start a new run, open, close, reveal, reset and create polls. The presenter
 * always; a moderator only when the deck says `moderators: drive`.
 */
export function canDrive(role: Role, deck: { meta?: Record<string, unknown> } | undefined): boolean {
  return role === Role.presenter || (role === Role.moderator && deckPermissions(deck).moderatorsDrive);
}

/**
 * Moderate what the audience sends: approve, hide, pin and answer questions; approve or hide single
 * poll answers; see what is held for approval. Presenter and moderator.
 */
export function canModerate(role: Role): boolean {
  return role === Role.presenter || role === Role.moderator;
}

/** Own the talk: list the devices signed in to it and sign them out. Presenter only. */
export function canOwn(role: Role): boolean {
  return role === Role.presenter;
}

/** Throws `forbidden` unless the role may drive the talk (see canDrive). */
export function requireDrive(role: Role, deck: { meta?: Record<string, unknown> } | undefined): void {
  if (canDrive(role, deck)) return;
  throw new LecternError(
    ErrorCode.forbidden,
    role === Role.moderator
      ? 'Moderators cannot move slides or run polls in this talk (the deck can allow it with "moderators: drive").'
      : 'Only the presenter can do that (connect with the presenter key).',
  );
}

/** Throws `forbidden` unless the role may moderate (see canModerate). */
export function requireModerate(role: Role): void {
  if (!canModerate(role)) throw new LecternError(ErrorCode.forbidden, 'Only the presenter or a moderator can do that (connect with a presenter or moderator key).');
}

/** Throws `forbidden` unless the role owns the talk (see canOwn). */
export function requireOwner(role: Role): void {
  if (canOwn(role)) return;
  throw new LecternError(
    ErrorCode.forbidden,
    role === Role.moderator ? 'Only the presenter can do that; moderators cannot.' : 'Only the presenter can do that (connect with the presenter key).',
  );
}

/** True when a credential of this scope may act in `talk`. */
export function scopeCovers(scope: KeyScope, talk: string): boolean {
  return scope.kind === 'admin' || scope.talk === talk;
}
