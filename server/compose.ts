import { randomBytes } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Logger } from 'pino';
import { createDb } from '../db/client.js';
import { ensureSecret } from '../db/repo/secrets.js';
import { migrateDb } from '../db/migrate.js';
import { createApp } from './app.js';
import type { Config } from './config.js';
import { loadDeck, loadDecks } from './deck/index.js';
import { reportDeck, watchBrokenDecks, watchDecks } from './live/deck-reload.js';
import { followTalks } from './live/follow.js';
import { createPolls } from './live/polls/index.js';
import { createQa } from './live/qa.js';
import { createQuiz } from './live/quiz/index.js';
import { createScreening } from './live/screening.js';
import { screenAll } from './domain/text-filter.js';
import { createReactions } from './live/reactions.js';
import { resyncWithPeers } from './live/resync.js';
import { createTalks } from './live/talks.js';
import { createMetrics } from './metrics.js';
import { createKeyBook, createKeyLockout, createSessions } from './auth/index.js';
import type { KeyedRole } from './domain/roles.js';
import { createVoterIds } from './auth/voter-ids.js';
import { createCluster } from './realtime/cluster.js';
import { createRealtime } from './realtime/index.js';
import { createPeerBus } from './realtime/peer-bus.js';
import { closeSocketServer, createSocketServer } from './realtime/socket-server.js';

const CLIENT_DIR = fileURLToPath(new URL('../dist/client', import.meta.url));

/**
 * Builds Lectern in dependency order (decks → metrics → database → talks → peer bus → services →
 * HTTP app → realtime) and serves HTTP + socket.io on one port. Wiring only: what happens at run
 * time lives beside the services (live/follow.ts, live/resync.ts, live/deck-reload.ts).
 */
export async function startLectern(
  config: Config,
  log: Logger,
  opts: {
    clientDir?: string;
    /** Told about each talk key made at start (not configured), so main can print it; later ones are logged. */
    onKeyGenerated?: (slug: string, role: KeyedRole, key: string, how: 'derived' | 'random') => void;
  } = {},
) {
  const metrics = createMetrics();
  // the database opens (PGlite on its own thread) while the decks render: a restart is shorter
  const opening = createDb({
    databaseUrl: config.databaseUrl,
    dataDir: `${config.dataDir}/pglite`,
    onPoolError: (err) => {
      metrics.databaseError();
      log.warn({ err: err.message }, 'database connection lost; it reconnects on next use');
    },
    onWorkerExit: (err) => log.error({ err: err.message }, 'the embedded database stopped; every command fails until Lectern restarts'),
  });
  // handled where it is awaited; until then a failure must not count as unhandled
  opening.catch(() => undefined);
  let decks, broken;
  try {
    ({ decks, broken } = await loadDecks(config.decks, (file) => loadDeck(file, { maxBytes: config.deckMaxBytes })));
  } catch (err) {
    await opening.then((database) => database.close()).catch(() => undefined);
    throw err;
  }
  for (const deck of broken) log.error({ file: deck.file, err: deck.error.message }, 'deck not loaded; serving the other talks');
  for (const deck of decks) reportDeck(deck, log);
  const database = await opening;
  const db = database.db;
  const closers: (() => unknown)[] = [() => database.close()];
  try {
    await migrateDb(database);
    // in the database unless set: every process and every restart signs voter cookies alike
    const voterSecret = config.voterSecret ?? (await ensureSecret(db, 'voter-cookie', randomBytes(32).toString('base64url')));
    const voterIds = createVoterIds({ secret: voterSecret, limits: config.voterIds });
    closers.unshift(() => voterIds.close());
    const talks = await createTalks({ db, decks, log });
    closers.unshift(() => talks.close());

    const cluster = await createCluster({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl, redisPrefix: config.redisPrefix, log });
    if (cluster) closers.unshift(() => cluster.close());
    const io = createSocketServer({ cluster, publicUrl: config.publicUrl });
    const peers = createPeerBus(io, cluster !== null);

    // audience text (words, text answers, questions, names) through the profanity filter and word lists
    const screening = createScreening(config.wordLists);
    const polls = createPolls({ db, talks, log, peers, screening });
    const qa = createQa({ db, talks, log, flags: (slug, texts) => screenAll(screening.forDeck(talks.require(slug).deck), texts).flagged });
    const reactions = createReactions({ db, talks, log });
    const quiz = createQuiz({ db, talks, polls, peers, screening, log });
    closers.unshift(() => reactions.close(), () => qa.close(), () => quiz.close());
    // Closed first: no socket reaches the services while they shut down.
    closers.unshift(() => closeSocketServer(io));
    const keys = createKeyBook({
      ...(config.presenterKey ? { admin: config.presenterKey } : {}),
      talks: config.talkKeys,
      isTalk: (slug) => talks.get(slug) !== undefined,
      onGenerated: (slug, role, key, how) => {
        if (opts.onKeyGenerated) opts.onKeyGenerated(slug, role, key, how);
        else log.info({ talk: slug, role, how }, 'talk key made (not configured)');
      },
    });
    // every talk's keys now, while main can still print them with the banner
    for (const { deck } of talks.list()) keys.keysFor(deck.slug);
    for (const slug of Object.keys(config.talkKeys)) {
      if (!talks.get(slug)) log.warn({ talk: slug }, 'keys are configured for a talk this server does not serve');
    }
    const sessions = createSessions({
      db,
      log,
      idleMs: config.sessionIdleMs,
      onRevoked: (ids) => peers.publish({ type: 'sessions-revoked', ids }),
    });
    closers.unshift(() => sessions.close());
    const auth = {
      keys,
      sessions,
      lockout: createKeyLockout(),
      log,
      trustProxy: config.trustProxy,
      deckMeta: (slug: string) => talks.get(slug)?.deck.meta,
    };

    const app = createApp({
      talks,
      polls,
      db,
      auth,
      log,
      clientDir: opts.clientDir ?? CLIENT_DIR,
      ping: () => database.ping(),
      registry: metrics.registry,
      metricsToken: config.metricsToken,
      publicUrl: config.publicUrl,
      brokenDecks: broken,
      voterIds,
    });
    const httpServer = await new Promise<HttpServer>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(server as HttpServer));
      server.once('error', reject);
    });
    const realtime = createRealtime(io, httpServer, {
      talks,
      polls,
      qa,
      quiz,
      reactions,
      log,
      peers,
      clustered: cluster !== null,
      keys,
      sessions,
      lockout: auth.lockout,
      trustProxy: config.trustProxy,
      voterIds,
      serverId: randomBytes(6).toString('hex'),
      observe: metrics.observeCommand,
    });
    metrics.countSockets(realtime.socketsPerTalk);

    // Realtime subscribed to the talks first, so a slide change reaches clients before polls follow it.
    const unfollow = followTalks({ talks, polls, peers, log, onSlideChanged: metrics.slideChanged });
    await Promise.all(talks.list().map(({ deck }) => polls.onSlide(deck.slug, null)));
    const stopResync = cluster ? resyncWithPeers({ talks, polls, resendSlide: realtime.resendSlide, log }) : () => undefined;
    const unwatchLoaded = config.watchDecks ? watchDecks(decks, talks, log, { maxBytes: config.deckMaxBytes }) : () => undefined;
    // a deck fixed later is a new talk: its keys are made (and printed) as it is served
    const talksMakingKeys = {
      ...talks,
      add: async (deck: Parameters<typeof talks.add>[0]) => {
        const talk = await talks.add(deck);
        keys.keysFor(deck.slug);
        return talk;
      },
    };
    const unwatchBroken = config.watchDecks ? watchBrokenDecks(broken, { talks: talksMakingKeys, polls, log, maxBytes: config.deckMaxBytes }) : () => undefined;
    const unwatch = () => (unwatchLoaded(), unwatchBroken());

    return {
      port: (httpServer.address() as AddressInfo).port,
      talks,
      /** The talks' keys (tests and scripts read a talk's moderator key here). */
      keys,
      driver: database.driver,
      cluster: cluster?.kind ?? null,
      /**
       * Graceful stop: no new connections, answers in flight committed, clients told to reconnect
       * (to another process behind the load balancer), then the database closed.
       */
      async close() {
        unwatch();
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

export type Lectern = Awaited<ReturnType<typeof startLectern>>;
