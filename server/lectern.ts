import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import { createDb } from '../db/client.js';
import { migrateDb } from '../db/migrate.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { DeckError, loadDeck, watchDeck } from './deck/index.js';
import { createPolls } from './live/polls.js';
import { createTalks, type Talks } from './live/talks.js';
import { createRealtime } from './realtime/index.js';

const CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

/** Loads the decks, opens and migrates the database, and serves HTTP + socket.io on one port. */
export async function startLectern(config: Config, log: Logger, opts: { clientDir?: string } = {}) {
  const decks = await Promise.all(config.decks.map((file) => loadDeck(file)));
  const database = await createDb({
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/pglite`,
    onPoolError: (err) => log.warn({ err: err.message }, 'database connection lost; it reconnects on next use'),
  });
  try {
    await migrateDb(database);
    const talks = await createTalks({ db: database.db, decks });
    const polls = createPolls({ db: database.db, talks, log });
    const unfollow = followTalks(talks, polls, log);
    await Promise.all(talks.list().map(({ deck }) => polls.onSlide(deck.slug, null)));
    const app = createApp({ talks, polls, db: database.db, presenterKey: config.presenterKey, log, clientDir: opts.clientDir ?? CLIENT_DIR });

    const httpServer = await new Promise<HttpServer>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(server as HttpServer));
      server.once('error', reject);
    });
    const realtime = createRealtime(httpServer, { talks, polls, presenterKey: config.presenterKey, log });

    const unwatch = config.watchDecks
      ? decks.map((deck) =>
          watchDeck(deck.file, async () => {
            try {
              const next = await loadDeck(deck.file);
              if (next.slug !== deck.slug) {
                log.warn({ file: deck.file }, `slug changed to "${next.slug}"; keeping "${deck.slug}" until restart`);
                next.slug = deck.slug;
              }
              await talks.replaceDeck(next);
              log.info({ slug: deck.slug, slides: next.slides.length }, 'deck reloaded');
            } catch (err) {
              log.error(err instanceof DeckError ? { msg: err.message } : { err }, 'deck reload failed; keeping the previous version');
            }
          }),
        )
      : [];

    const port = (httpServer.address() as AddressInfo).port;
    return {
      port,
      talks,
      driver: database.driver,
      /** Stops watching, disconnects clients, closes the port and the database. */
      async close() {
        unwatch.forEach((stop) => stop());
        unfollow();
        await polls.shutdown();
        await realtime.close();
        await database.close();
      },
    };
  } catch (err) {
    await database.close();
    throw err;
  }
}

/** Polls follow the talk: reaching a slide opens its poll, a new run starts with fresh polls. */
function followTalks(talks: Talks, polls: ReturnType<typeof createPolls>, log: Logger) {
  return talks.subscribe((e) => {
    const done =
      e.type === 'slide:changed' ? polls.onSlide(e.slug, e.from) : e.type === 'run:started' ? polls.onRunStarted(e.slug) : polls.onSlide(e.slug, null);
    return done.catch((err) => log.error({ err, slug: e.slug }, 'poll state could not follow the talk'));
  });
}

export type Lectern = Awaited<ReturnType<typeof startLectern>>;
