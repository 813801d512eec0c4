import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Db } from '../db/client.js';
import { ErrorCode } from './domain/errors.js';
import type { Polls } from './live/polls/index.js';
import type { Talks } from './live/talks.js';
import type { PresenterAuthOptions } from './middleware/presenter-auth.js';
import { requestLog } from './middleware/request-log.js';
import { compression } from './middleware/compression.js';
import { errorBody, handleError } from './routes/errors.js';
import { handoutRoutes } from './routes/handout.js';
import { healthRoutes } from './routes/health.js';
import { pageRoutes } from './routes/pages.js';
import { pollRoutes } from './routes/polls.js';
import { resultsRoutes } from './routes/results.js';
import { talksRoutes } from './routes/talks.js';
import { voterRoutes } from './routes/voter.js';
import type { VoterIds } from './auth/voter-ids.js';
import type { BrokenDeck } from './deck/index.js';

export interface AppDeps {
  talks: Talks;
  polls: Polls;
  db: Db;
  auth: PresenterAuthOptions;
  log: Logger;
  /** Folder of the Vite build (dist/client). */
  clientDir: string;
  ping: () => Promise<void>;
  registry: Registry;
  metricsToken?: string;
  publicUrl?: string;
  /** Decks that failed to load: listed as broken in /api/talks. */
  brokenDecks?: readonly BrokenDeck[];
  /** Issues the phones' voter ids (cookie). */
  voterIds: VoterIds;
}

/** API bodies are small JSON; anything bigger is refused before it is read. */
const MAX_BODY_BYTES = 16 * 1024;

/** The HTTP side: API, health, pages. Knows nothing of ports or env. */
export function createApp(deps: AppDeps) {
  const handout = handoutRoutes(deps);
  const app = new Hono()
    .use(requestLog(deps.log))
    // HTML, JS, CSS and JSON as brotli or gzip (socket.io's websocket never passes through Hono)
    .use(compression())
    .use(
      secureHeaders({
        contentSecurityPolicy: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Lit uses constructable stylesheets; the server's highlighted code carries style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'https:', 'http:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
        referrerPolicy: 'no-referrer',
        xFrameOptions: 'DENY',
        crossOriginEmbedderPolicy: false,
      }),
    )
    .use(
      '/api/*',
      bodyLimit({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => c.json(errorBody('too_large', `Request bodies are limited to ${MAX_BODY_BYTES} bytes.`), 413),
      }),
    )
    .route('/', healthRoutes(deps))
    .route('/api/talks', talksRoutes(deps))
    .route('/api/talks', pollRoutes(deps))
    .route('/api/talks', resultsRoutes(deps))
    .route('/api/talks', handout.api)
    .route('/api/talks', voterRoutes({ talks: deps.talks, voterIds: deps.voterIds, trustProxy: deps.auth.trustProxy, ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}) }))
    .route('/', handout.page)
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
