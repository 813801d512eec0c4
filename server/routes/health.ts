import { Hono } from 'hono';
import type { Registry } from 'prom-client';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { bearerToken, keyMatches } from '../auth/index.js';
import { errorBody } from './errors.js';

/** Liveness, readiness (the database answers) and Prometheus metrics (optionally behind a token). */
export function healthRoutes(deps: { ping: () => Promise<void>; registry: Registry; metricsToken?: string }) {
  return new Hono()
    .get('/healthz', (c) => c.json({ ok: true }))
    .get('/readyz', async (c) => {
      try {
        await withTimeout(deps.ping(), 2_000);
        return c.json({ ok: true, database: 'up' });
      } catch (err) {
        return c.json({ ok: false, database: 'down', ...errorBody(ErrorCode.unavailable, `The database does not answer: ${(err as Error).message}`) }, 503);
      }
    })
    .get('/metrics', async (c) => {
      if (deps.metricsToken) {
        const token = bearerToken(c.req.header('Authorization'));
        if (!token || !keyMatches(token, deps.metricsToken)) throw new LecternError(ErrorCode.unauthorized, 'Metrics need Authorization: Bearer <METRICS_TOKEN>.');
      }
      c.header('Content-Type', deps.registry.contentType);
      return c.body(await deps.registry.metrics());
    });
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e: unknown) => (clearTimeout(timer), reject(e instanceof Error ? e : new Error(String(e)))),
    );
  });
}
