import { createMiddleware } from 'hono/factory';
import type { Logger } from 'pino';

/**
 * One structured line per request: method, path, status, duration. Never headers or the query
 * string, so no key or token can reach the logs this way.
 */
export function requestLog(log: Logger) {
  return createMiddleware(async function requestLog(c, next) {
    const started = performance.now();
    await next();
    const entry = { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10 };
    if (c.res.status >= 500) log.warn(entry, 'request failed');
    else log.debug(entry, 'request');
  });
}
