import type { Socket } from 'socket.io';
import { Role } from '../../contract/events.js';
import type { SocketData } from './types.js';
import { HandshakeAuthSchema } from '../../contract/schemas.js';
import { ErrorCode, type ErrorCode as Code, type LecternError } from '../domain/errors.js';
import type { Talks } from '../live/talks.js';
import { checkPresenterCredential, clientAddress, type PresenterAuthOptions } from '../auth/index.js';
import { describeZodError } from '../errors.js';
import type { VoterIds } from '../auth/voter-ids.js';

/** A refused handshake: the client sees `err.message` and `err.data.code` in `connect_error`. */
function refuse(code: Code, message: string): Error & { data: { code: Code } } {
  return Object.assign(new Error(message), { data: { code } });
}

/**
 * Handshake middleware: decides the socket's role and talk from `auth`, never from later payloads.
 * The right key (or presenter session) makes a presenter; a wrong one is refused rather than
 * silently downgraded.
 */
export function authenticate(deps: PresenterAuthOptions & { talks: Talks; voterIds: VoterIds }) {
  return (socket: Socket, next: (err?: Error) => void) => {
    const parsed = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(refuse(ErrorCode.badRequest, describeZodError(parsed.error)));
    // `auth.voter` is ignored: a phone votes as the id the server issued in its signed cookie
    const { talk, key, role } = parsed.data;
    if (!deps.talks.get(talk)) return next(refuse(ErrorCode.notFound, `There is no talk "${talk}".`));
    if (key !== undefined) {
      try {
        checkPresenterCredential(key, deps, clientAddress(socket.handshake, deps.trustProxy));
      } catch (err) {
        const { code, message } = err as LecternError;
        return next(refuse(code, message));
      }
    }
    const voter = key === undefined && role !== 'screen' ? deps.voterIds.fromCookieHeader(socket.handshake.headers.cookie) : null;
    const data: SocketData = {
      talk,
      role: key !== undefined ? Role.presenter : role === 'screen' ? Role.screen : Role.audience,
      ...(voter ? { voter } : {}),
    };
    socket.data = data;
    next();
  };
}
