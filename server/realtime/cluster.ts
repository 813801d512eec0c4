import { createAdapter as createPostgresAdapter } from '@socket.io/postgres-adapter';
import { createAdapter as createRedisStreamsAdapter } from '@socket.io/redis-streams-adapter';
import pg from 'pg';
import type { Logger } from 'pino';
import { createClient } from 'redis';
import { publishInOrder, publishWithDeadline, type PublishingAdapter } from './cluster-publish.js';

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
    // While Redis is away the client queues commands; bounded, so an outage cannot eat the heap.
    const client = createClient({ url: opts.redisUrl, commandsQueueMaxLength: 10_000 });
    client.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error; reconnecting'));
    await client.connect();
    const createAdapter = createRedisStreamsAdapter(failuresHandled(client, log), {
      onlyPlaintext: true,
      streamName: `${opts.redisPrefix ?? 'lectern'}:socket.io`,
      channelPrefix: `${opts.redisPrefix ?? 'lectern'}:socket.io`,
      sessionKeyPrefix: `${opts.redisPrefix ?? 'lectern'}:session:`,
    });
    return {
      kind: 'redis',
      // socket.io calls the factory with `new`, so it must be a function, not an arrow.
      adapter: function redisAdapterWithDeadline(nsp: unknown) {
        return publishWithDeadline(createAdapter(nsp) as unknown as PublishingAdapter);
      },
      recovery: true,
      // Waits for pending commands, but not forever: with Redis away they would never finish.
      // (`close()` itself never settles once the socket is gone, even after `destroy()`.)
      close: async () => {
        let timer: NodeJS.Timeout | undefined;
        const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, 2_000)));
        await Promise.race([client.close().catch(() => undefined), giveUp]);
        clearTimeout(timer);
        client.destroy();
      },
    };
  }
  if (opts.databaseUrl) {
    // Its own small pool: the adapter keeps one connection LISTENing for good.
    // query_timeout: a NOTIFY cut off mid-flight must not hold up the ordered publish queue for good.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 3, connectionTimeoutMillis: 5_000, query_timeout: 5_000 });
    const lost = (err: Error) => log.warn({ err: err.message }, 'cluster adapter lost its database connection; reconnecting');
    pool.on('error', lost);
    // The adapter keeps its LISTEN client checked out, where the pool's handler does not cover it:
    // without this, a database restart would crash the process with an unhandled 'error' event.
    pool.on('connect', (client) => client.on('error', lost));
    releaseDeadListenClients(pool);
    const adapters: Array<{ published(): Promise<void> }> = [];
    const createAdapter = createPostgresAdapter(pool, {
      errorHandler: (err: Error) => log.warn({ err: err.message }, 'cluster adapter error'),
      heartbeatInterval: 5_000,
      heartbeatTimeout: 15_000,
    });
    return {
      kind: 'postgres',
      // socket.io calls the factory with `new`, so it must be a function, not an arrow.
      adapter: function orderedPostgresAdapter(nsp: unknown) {
        const adapter = publishInOrder(createAdapter(nsp) as unknown as PublishingAdapter, log);
        adapters.push(adapter);
        return adapter;
      },
      recovery: false,
      // The adapter's last messages (its goodbye to peers) leave before the pool closes, at most 1 s.
      close: async () => {
        await Promise.race([Promise.all(adapters.map((a) => a.published())), new Promise((r) => setTimeout(r, 1_000).unref())]);
        await pool.end().catch(() => undefined);
      },
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

/**
 * The Redis streams adapter fires some commands without awaiting them (the heartbeat PUBLISH, the
 * SET that keeps a disconnected phone's session). While Redis is away those reject with nobody
 * listening, and Node ends the process on an unhandled rejection: a Redis blip would stop the talk
 * in every room. The adapter gets a client whose command failures are always marked handled;
 * callers that await a command still see its failure.
 */
function failuresHandled<C extends object>(client: C, log: Logger): C {
  const logged = (err: Error) => log.debug({ err: err.message }, 'redis command failed');
  // One wrapper per method, made on first use: commands run per broadcast.
  const wrappers = new Map<PropertyKey, (...args: unknown[]) => unknown>();
  return new Proxy(client, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target) as unknown;
      if (typeof value !== 'function') return value;
      let wrapper = wrappers.get(prop);
      if (!wrapper) {
        // Called on the real client: its private fields are not reachable through the proxy.
        wrapper = (...args: unknown[]) => {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          if (result instanceof Promise) result.catch(logged);
          return result;
        };
        wrappers.set(prop, wrapper);
      }
      return wrapper;
    },
  });
}
