import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisStreamsAdapter } from '@socket.io/redis-streams-adapter';
import pg from 'pg';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import { publishInOrder, type PublishingAdapter } from './ordered-publish.js';

export interface ClusterOptions {
  databaseUrl?: string;
  redisUrl?: string;
  redisPrefix?: string;
  log: Logger;
}

/** A socket.io adapter shared by every process of one deployment, and how to let go of it. */
export interface Cluster {
  kind: 'redis' | 'postgres';
  // The adapter factories are untyped (`nsp: any`) upstream.
  adapter: (nsp: unknown) => unknown;
  /** Redis streams keep recent packets, so a reconnecting client can get what it missed. */
  recovery: boolean;
  close(): Promise<void>;
}

/**
 * Picks the cluster adapter: Redis streams when REDIS_URL is set, else Postgres LISTEN/NOTIFY when
 * DATABASE_URL is set, else none (one process, in-memory rooms).
 */
export async function createCluster(opts: ClusterOptions): Promise<Cluster | null> {
  const { log } = opts;
  if (opts.redisUrl) {
    const client = createClient({ url: opts.redisUrl });
    client.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error; reconnecting'));
    await client.connect();
    return {
      kind: 'redis',
      adapter: createRedisStreamsAdapter(client, {
        onlyPlaintext: true,
        streamName: `${opts.redisPrefix ?? 'lectern'}:socket.io`,
        channelPrefix: `${opts.redisPrefix ?? 'lectern'}:socket.io`,
        sessionKeyPrefix: `${opts.redisPrefix ?? 'lectern'}:session:`,
      }),
      recovery: true,
      close: async () => void (await client.quit().catch(() => undefined)),
    };
  }
  if (opts.databaseUrl) {
    // Its own small pool: the adapter keeps one connection LISTENing for good.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 3, connectionTimeoutMillis: 5_000 });
    const lost = (err: Error) => log.warn({ err: err.message }, 'cluster adapter lost its database connection; reconnecting');
    pool.on('error', lost);
    // The adapter keeps its LISTEN client checked out, where the pool's handler does not cover it:
    // without this, a database restart would crash the process with an unhandled 'error' event.
    pool.on('connect', (client) => client.on('error', lost));
    releaseDeadListenClients(pool);
    const createAdapter = createPostgresAdapter(pool, {
      errorHandler: (err: Error) => log.warn({ err: err.message }, 'cluster adapter error'),
      heartbeatInterval: 5_000,
      heartbeatTimeout: 15_000,
    });
    return {
      kind: 'postgres',
      // socket.io calls the factory with `new`, so it must be a function, not an arrow.
      adapter: function orderedPostgresAdapter(nsp: unknown) {
        return publishInOrder(createAdapter(nsp) as unknown as PublishingAdapter, log);
      },
      recovery: false,
      close: () => pool.end().catch(() => undefined),
    };
  }
  return null;
}

/**
 * The adapter checks out one client for LISTEN and, when the database restarts, drops it without
 * releasing it, so each outage would leak a pool slot (and `pool.end()` would wait forever).
 * Only that checkout uses the promise form of `connect()`; give those clients back once they end.
 */
function releaseDeadListenClients(pool: pg.Pool) {
  const connect = pool.connect.bind(pool) as (cb?: unknown) => unknown;
  (pool as unknown as { connect: (cb?: unknown) => unknown }).connect = (cb?: unknown) => {
    if (cb) return connect(cb);
    return (connect() as Promise<pg.PoolClient>).then((client) => {
      let released = false;
      const release = client.release.bind(client);
      client.release = (err?: Error | boolean) => {
        released = true;
        release(err);
      };
      client.once('end', () => {
        if (!released) client.release(true);
      });
      return client;
    });
  };
}
