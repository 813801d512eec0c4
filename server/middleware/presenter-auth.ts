import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { lastForwardedHop } from '../realtime/client-address.js';
import type { KeyLockout } from './key-lockout.js';
import { checkPresenterCredential } from './presenter-key.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** True when the request carried the right presenter key as a Bearer token. */
    presenter: boolean;
  }
}

/** The client's IP: behind a trusted proxy the hop it added to X-Forwarded-For, else the TCP peer. */
export function requestAddress(c: Context, trustProxy = false): string {
  const forwarded = trustProxy ? lastForwardedHop(c.req.header('x-forwarded-for')) : undefined;
  if (forwarded) return forwarded;
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // app.request() in tests has no socket
  }
}

export interface PresenterAuthOptions {
  presenterKey: string;
  lockout: KeyLockout;
  trustProxy?: boolean;
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
    // Another scheme (a proxy's Basic auth) is not a presenter-key attempt.
    if (header === undefined || (!required && !/^Bearer\s/i.test(header))) {
      if (required) throw new LecternError(ErrorCode.unauthorized, 'This needs the presenter key: send Authorization: Bearer <key>.');
      c.set('presenter', false);
      return next();
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    checkPresenterCredential(match?.[1] ?? '', { presenterKey, lockout }, requestAddress(c, options.trustProxy));
    c.set('presenter', true);
    return next();
  });
}
