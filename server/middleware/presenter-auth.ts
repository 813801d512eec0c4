import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { bearerToken, checkPresenterCredential, clientAddress, isBearer, type PresenterAuthOptions } from '../auth/index.js';
import { ErrorCode, LecternError } from '../domain/errors.js';

export type { PresenterAuthOptions } from '../auth/index.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** True when the request carried the right presenter key as a Bearer token. */
    presenter: boolean;
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
 * Reads `Authorization: Bearer <key or presenter session>`. With `required`, a request without the right key is refused;
 * otherwise a missing key just means "not the presenter", while a wrong one is still a 401.
 * Wrong keys count towards the address's lockout; a session is never locked out.
 */
export function presenterAuth(options: PresenterAuthOptions & { required?: boolean }) {
  const { presenterKey, lockout, required = false } = options;
  return createMiddleware(async function presenterAuth(c, next) {
    const header = c.req.header('Authorization');
    if (header === undefined || (!required && !isBearer(header))) {
      if (required) throw new LecternError(ErrorCode.unauthorized, 'This needs the presenter key: send Authorization: Bearer <key>.');
      c.set('presenter', false);
      return next();
    }
    checkPresenterCredential(bearerToken(header) ?? '', { presenterKey, lockout }, requestAddress(c, options.trustProxy));
    c.set('presenter', true);
    return next();
  });
}
