import { createMiddleware } from 'hono/factory';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { keyMatches } from './presenter-key.js';

declare module 'hono' {
  interface ContextVariableMap {
    /** True when the request carried the right presenter key as a Bearer token. */
    presenter: boolean;
  }
}

/**
 * Reads `Authorization: Bearer <key>`. With `required`, a request without the right key is refused;
 * otherwise a missing key just means "not the presenter", while a wrong one is still a 401.
 */
export function presenterAuth(options: { presenterKey: string; required?: boolean }) {
  const { presenterKey, required = false } = options;
  return createMiddleware(async function presenterAuth(c, next) {
    const header = c.req.header('Authorization');
    if (header === undefined) {
      if (required) throw new LecternError(ErrorCode.unauthorized, 'This needs the presenter key: send Authorization: Bearer <key>.');
      c.set('presenter', false);
      return next();
    }
    const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match?.[1] || !keyMatches(match[1], presenterKey)) {
      throw new LecternError(ErrorCode.unauthorized, 'Wrong presenter key.');
    }
    c.set('presenter', true);
    return next();
  });
}
