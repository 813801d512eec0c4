import { randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createDb } from '../db/client.js';
import { migrateDb } from '../db/migrate.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { DeckError, loadDeck, watchDeck, type Deck } from './deck/index.js';
import type { PeerBus } from './live/peers.js';
import { createPolls, type Polls } from './live/polls.js';
import { createQa } from './live/qa.js';
import { createReactions } from './live/reactions.js';
import { recordSlideVisit, slideVisitsForRun } from '../db/repo/index.js';
import type { Db } from '../db/client.js';
import { createTalks, type Talks } from './live/talks.js';
import { createMetrics, type Metrics } from './metrics.js';
import { createKeyLockout } from './middleware/key-lockout.js';
import { createCluster } from './realtime/cluster.js';
import { createRealtime } from './realtime/index.js';

const CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

/** Loads the decks, opens and migrates the database, and serves HTTP + socket.io on one port. */
export async function startLectern(config: Config, log: Logger, opts: { clientDir?: string } = {}) {
  const decks = await Promise.all(config.decks.map((file) => loadDeck(file)));
  let metrics: Metrics | undefined;
  const database = await createDb({
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/pglite`,
    onPoolError: (err) => {
      metrics?.databaseError();
      log.warn({ err: err.message }, 'database connection lost; it reconnects on next use');
    },
  });
  const closers: (() => unknown)[] = [() => database.close()];
  try {
    await migrateDb(database);
    const talks = await createTalks({ db: database.db, decks, log });
    closers.unshift(() => talks.close());
    let peers: PeerBus | undefined;
    const polls = createPolls({ db: database.db, talks, log, onChange: (slug) => peers?.publish({ type: 'polls', slug }) });
    const qa = createQa({ db: database.db, talks, log });
    const reactions = createReactions({ db: database.db, talks, log });
    closers.unshift(() => reactions.close(), () => qa.close());
    const auth = { presenterKey: config.presenterKey, lockout: createKeyLockout(), trustProxy: config.trustProxy };

    const cluster = await createCluster({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, log });
    if (cluster) closers.unshift(() => cluster.close());
    let socketsPerTalk = (): { slug: string; count: number }[] => [];
    metrics = createMetrics({ socketsPerTalk: () => socketsPerTalk() });

    const app = createApp({
      talks,
      polls,
      db: database.db,
      auth,
      log,
      clientDir: opts.clientDir ?? CLIENT_DIR,
      ping: () => database.ping(),
      registry: metrics.registry,
      metricsToken: config.metricsToken,
      publicUrl: config.publicUrl,
    });
    const httpServer = await new Promise<HttpServer>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(server as HttpServer));
      server.once('error', reject);
    });
    const realtime = createRealtime(httpServer, {
      talks,
      polls,
      qa,
      reactions,
      log,
      cluster,
      presenterKey: config.presenterKey,
      lockout: auth.lockout,
      trustProxy: config.trustProxy,
      serverId: randomBytes(6).toString('hex'),
      publicUrl: config.publicUrl,
      observe: metrics.observeCommand,
    });
    peers = realtime.peers;
    socketsPerTalk = realtime.socketsPerTalk;
    const unfollow = followTalks({ talks, polls, peers, metrics, log, db: database.db });
    await Promise.all(talks.list().map(({ deck }) => polls.onSlide(deck.slug, null)));
    await Promise.all(talks.list().map(({ run }) => startTimeline(database.db, run.id, run.currentSlide)));
    const stopResync = cluster ? resyncWithPeers({ talks, polls, realtime, log }) : () => undefined;
    const unwatch = config.watchDecks ? decks.map((deck) => watchDeck(deck.file, () => void reloadDeck(deck, talks, log))) : [];

    return {
      port: (httpServer.address() as AddressInfo).port,
      talks,
      driver: database.driver,
      cluster: cluster?.kind ?? null,
      /**
       * Graceful stop: no new connections, answers in flight committed, clients told to reconnect
       * (to another process behind the load balancer), then the database closed.
       */
      async close() {
        unwatch.forEach((stop) => stop());
        stopResync();
        unfollow();
        httpServer.close();
        await polls.shutdown();
        realtime.dropConnectionsForRestart();
        await realtime.close();
        for (const close of closers) await close();
      },
    };
  } catch (err) {
    for (const close of closers) await Promise.resolve(close()).catch(() => undefined);
    throw err;
  }
}

/**
 * Peer messages can be lost (the Postgres adapter drops NOTIFYs while its connection is down), so
 * every few seconds each process re-reads the runs and polls it serves from the database, and
 * tells its own clients when the slide moved without them hearing of it.
 */
function resyncWithPeers(deps: { talks: Talks; polls: Polls; realtime: ReturnType<typeof createRealtime>; log: Logger }, everyMs = 5_000) {
  const { talks, polls, realtime, log } = deps;
  const timer = setInterval(() => {
    for (const { deck } of talks.list()) {
      talks
        .reloadRun(deck.slug)
        .then(({ slideChanged }) => {
          polls.invalidate(deck.slug);
          if (slideChanged) realtime.resendSlide(deck.slug);
        })
        .catch((err: Error) => log.debug({ err: err.message }, 'resync skipped'));
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The engagement timeline starts with the slide a run is on when the server starts serving it. */
async function startTimeline(db: Db, runId: number, slide: number) {
  if ((await slideVisitsForRun(db, runId)).length === 0) await recordSlideVisit(db, runId, slide);
}

export type Lectern = Awaited<ReturnType<typeof startLectern>>;

/** Re-reads a deck whose file changed; a broken edit keeps the previous version on screen. */
async function reloadDeck(deck: Deck, talks: Talks, log: Logger) {
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
}

/**
 * Polls follow the talk (reaching a slide opens its poll; a new run starts fresh polls), and other
 * processes hear about every change so they serve the same state.
 */
function followTalks(deps: { talks: Talks; polls: Polls; peers: PeerBus; metrics: Metrics; log: Logger; db: Db }) {
  const { talks, polls, peers, metrics, log, db } = deps;
  const visit = (runId: number, slide: number) =>
    recordSlideVisit(db, runId, slide).catch((err: Error) => log.warn({ err: err.message }, 'slide visit not recorded'));
  const stopLocal = talks.subscribe((e) => {
    if (e.type === 'slide:changed') {
      metrics.slideChanged(e.slug);
      const runId = talks.require(e.slug).run.id;
      peers.publish({ type: 'slide', slug: e.slug, runId, slide: e.change.index });
      void visit(runId, e.change.index);
    } else if (e.type === 'run:started') {
      peers.publish({ type: 'run', slug: e.slug });
      void visit(e.run.id, e.slide);
    }
    const done = e.type === 'slide:changed' ? polls.onSlide(e.slug, e.from) : e.type === 'run:started' ? polls.onRunStarted(e.slug) : polls.onDeckUpdated(e.slug);
    return done.catch((err) => log.error({ err, slug: e.slug }, 'poll state could not follow the talk'));
  });
  const stopRemote = peers.subscribe((m) => {
    // A peer may serve a deck this process does not (a rolling deploy): ignore what is not ours.
    if (m.type === 'audience' || !talks.get(m.slug)) return;
    if (m.type === 'slide') talks.applyRemoteSlide(m.slug, m.runId, m.slide);
    else if (m.type === 'run') {
      talks
        .reloadRun(m.slug)
        .then(() => polls.invalidate(m.slug))
        .catch((err: Error) => log.warn({ err: err.message, slug: m.slug }, 'could not follow a new run from a peer'));
    } else polls.invalidate(m.slug);
  });
  return () => (stopLocal(), stopRemote());
}
