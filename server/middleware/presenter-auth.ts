import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { Role } from '../../contract/events.js';
import { bearerToken, checkCredential, clientAddress, isBearer, type PresenterAuthOptions } from '../auth/index.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { canModerate, requireDrive } from '../domain/roles.js';

export type { PresenterAuthOptions } from '../auth/index.js';

declare module 'hono' {
  interface ContextVariableMap {
    /**
     * True when the request carried a key or session of the talk's staff: its presenter key, the
     * admin key, its moderator key, or a session from one of them.
     */
    presenter: boolean;
    /** The role the request's key or session gave it; `audience` without one. */
    role: Role;
  }
}

/** The client's IP: behind a trusted proxy the hop it added to X-Forwarded-For, else the TCP peer. */
export function requestAddress(c: Context, trustProxy = false): string {
  let peer = 'unknown';
  try {
    peer = getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket
  }
  return clientAddress({ address: peer, headers: { 'x-forwarded-for': c.req.header('x-forwarded-for') } }, trustProxy);
}

/**
 * Reads `Authorization: Bearer <key or session>` for the route's `:slug`. With `required`, a request
 * without a key or session that may drive the talk (presenter; a moderator where the deck says
 * `moderators: drive`) is refused; otherwise a missing key just means "not the presenter", while a
 * wrong one is still a 401. Wrong keys count towards the address's lockout; the right key or a
 * session is never refused because of it.
 */
export function presenterAuth(options: PresenterAuthOptions & { required?: boolean }) {
  const { required = false } = options;
  return createMiddleware(async function presenterAuth(c, next) {
    const header = c.req.header('Authorization');
    if (header === undefined || (!required && !isBearer(header))) {
      if (required) throw new LecternError(ErrorCode.unauthorized, 'This needs the presenter key: send Authorization: Bearer <key>.');
      c.set('presenter', false);
      c.set('role', 'audience');
      return next();
    }
    const slug = c.req.param('slug') ?? '';
    const credential = await checkCredential(bearerToken(header) ?? '', slug, options, requestAddress(c, options.trustProxy));
    if (required) requireDrive(credential.role, { meta: options.deckMeta?.(slug) ?? {} });
    // staff: the notes, the slides ahead and hidden results go to the presenter and the moderators
    c.set('presenter', canModerate(credential.role));
    c.set('role', credential.role);
    return next();
  });
}
