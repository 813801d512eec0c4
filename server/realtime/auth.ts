import type { Socket } from 'socket.io';
import { Role } from '../../contract/events.js';
import type { SocketData } from './types.js';
import { HandshakeAuthSchema } from '../../contract/schemas.js';
import { ErrorCode, type ErrorCode as Code, type LecternError } from '../domain/errors.js';
import type { Talks } from '../live/talks.js';
import { checkCredential, clientAddress, type Credential, type PresenterAuthOptions } from '../auth/index.js';
import { describeZodError } from '../errors.js';
import { deckPermissions } from '../domain/roles.js';
import type { VoterIds } from '../auth/voter-ids.js';

/** The session secret each keyed socket holds, for its `state` (never in socket.data, which a cluster adapter may store). */
const sessionTokens = new WeakMap<object, string>();

/** The session secret a presenter or moderator socket signed in with, or was given for its key. */
export function sessionTokenOf(socket: object): string | undefined {
  return sessionTokens.get(socket);
}

/** A refused handshake: the client sees `err.message` and `err.data.code` in `connect_error`. */
function refuse(code: Code, message: string): Error & { data: { code: Code } } {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * Handshake middleware: decides the socket's role and talk from `auth`, never from later payloads.
 * The talk's presenter key, the admin key or a presenter session makes a presenter; the moderator
 * key or a moderator session a moderator; a wrong one is refused rather than silently downgraded.
 */
export function authenticate(deps: PresenterAuthOptions & { talks: Talks; voterIds: VoterIds }) {
  return async (socket: Socket, next: (err?: Error) => void) => {
    const parsed = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(refuse(ErrorCode.badRequest, describeZodError(parsed.error)));
    // `auth.voter` is ignored: a phone votes as the id the server issued in its signed cookie
    const { talk, key, role } = parsed.data;
    if (!deps.talks.get(talk)) return next(refuse(ErrorCode.notFound, `There is no talk "${talk}".`));
    let credential: Credential | undefined;
    if (key !== undefined) {
      try {
        credential = await checkCredential(key, talk, deps, clientAddress(socket.handshake, deps.trustProxy));
        // a key (not a session): this device gets a session of its own, to keep instead of the key
        if (!credential.session) {
          const agent = socket.handshake.headers['user-agent'];
          // the database away: the key still works, the device keeps the key for now
          const issued = await deps.sessions.issue(credential, typeof agent === 'string' ? agent : '').catch((err: Error) => {
            deps.log?.warn({ err: err.message }, 'could not store a session; the device keeps its key');
            return undefined;
          });
          if (issued) credential = { ...credential, session: { id: issued.session.id, token: issued.token } };
        }
      } catch (err) {
        const { code, message } = err as LecternError;
        if (!code) deps.log?.error({ err }, 'could not check a key');
        return next(code ? refuse(code, message) : refuse(ErrorCode.unavailable, 'Could not check the key just now; try again.'));
      }
      if (credential.session) sessionTokens.set(socket, credential.session.token);
    }
    const voter = key === undefined && role !== 'screen' ? deps.voterIds.fromCookieHeader(socket.handshake.headers.cookie) : null;
    const data: SocketData = {
      talk,
      role: credential ? credential.role : role === 'screen' ? Role.screen : Role.audience,
      ...(credential?.session ? { session: credential.session.id, admin: credential.scope.kind === 'admin' } : {}),
      ...(credential?.role === Role.moderator && deckPermissions(deps.talks.get(talk)?.deck).moderatorsDrive ? { moderatorsDrive: true } : {}),
      ...(voter ? { voter } : {}),
    };
    socket.data = data;
    next();
  };
}
