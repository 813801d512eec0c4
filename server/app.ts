import { Hono } from 'hono';
import type { Logger } from 'pino';
import { ErrorCode } from './domain/errors.js';
import type { Db } from '../db/client.js';
import type { Polls } from './live/polls.js';
import type { Talks } from './live/talks.js';
import { errorBody, handleError } from './routes/errors.js';
import { pageRoutes } from './routes/pages.js';
import { pollRoutes } from './routes/polls.js';
import { resultsRoutes } from './routes/results.js';
import { talksRoutes } from './routes/talks.js';

export interface AppDeps {
  talks: Talks;
  polls: Polls;
  db: Db;
  presenterKey: string;
  log: Logger;
  /** Folder of the Vite build (dist/client). */
  clientDir: string;
}

/** The HTTP side: API, health, pages. Knows nothing of ports or env. */
export function createApp(deps: AppDeps) {
  const app = new Hono()
    .get('/healthz', (c) => c.json({ ok: true }))
    .route('/api/talks', talksRoutes(deps))
    .route('/api/talks', pollRoutes(deps))
    .route('/api/talks', resultsRoutes(deps))
    .route('/', pageRoutes(deps));
  app.notFound((c) =>
    c.req.path.startsWith('/api/')
      ? c.json(errorBody(ErrorCode.notFound, `No API route ${c.req.method} ${c.req.path}.`), 404)
      : c.text('Not found.', 404),
  );
  app.onError(handleError(deps.log));
  return app;
}

export type AppType = ReturnType<typeof createApp>;
