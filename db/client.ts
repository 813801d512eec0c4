import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import { DatabaseUnreachableError, describeConnectionError, maskDatabaseUrl } from './errors.js';
import { createPgliteDataDir, startPgliteWorker } from './pglite-remote.js';
import * as schema from './schema/index.js';

export { DatabaseUnreachableError } from './errors.js';

/** The drizzle handle all repo code takes: the same type for Postgres and PGlite, and for a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Driver = 'postgres' | 'pglite';

/** An open database and how to let go of it. */
export interface Database {
  db: Db;
  driver: Driver;
  /** Postgres only: the pool, for the rare caller that needs a raw client (migrations take a lock on one). */
  pool?: pg.Pool;
  /** Idempotent: later calls return the first call's promise. */
  close(): Promise<void>;
  /** Resolves when the database answers a trivial query (health checks). */
  ping(): Promise<void>;
}

export interface CreateDbOptions {
  /** Postgres connection URL; when absent, embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory, created if missing; in memory when absent. */
  dataDir?: string;
  /** Postgres pool size (default 10). */
  poolSize?: number;
  /** Told about errors on idle pooled connections, which would otherwise crash the process. */
  onPoolError?: (error: Error) => void;
  /** PGlite only: told if the database's worker thread dies (every query fails from then on). */
  onWorkerExit?: (error: Error) => void;
}

const drizzleConfig = { schema, casing: 'snake_case' } as const;

/** Opens Postgres when `databaseUrl` is given (checking it answers), embedded PGlite otherwise. */
export async function createDb(opts: CreateDbOptions): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl, opts) : openPglite(opts.dataDir, opts.onWorkerExit);
}

async function openPostgres(databaseUrl: string, opts: CreateDbOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: opts.poolSize ?? 10,
    // Without timeouts a host that drops packets would hang startup, and every command, forever.
    connectionTimeoutMillis: 10_000,
    query_timeout: 10_000,
  });
  // An idle client losing its server (restart, failover) emits here; unhandled, it kills the process.
  const onError = opts.onPoolError ?? ((error: Error) => console.error(`database pool: ${error.message}`));
  pool.on('error', onError);
  // A client checked out (a transaction, the migration lock) is not covered by the pool's handler.
  pool.on('connect', (client) => client.on('error', onError));
  try {
    await pool.query('select 1');
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnreachableError(maskDatabaseUrl(databaseUrl), describeConnectionError(error), {
      cause: error,
    });
  }
  const db: Db = drizzleNodePg({ client: pool, ...drizzleConfig });
  return {
    db,
    driver: 'postgres',
    pool,
    close: once(() => pool.end()),
    ping: async () => {
      await pool.query('select 1');
    },
  };
}

/**
 * Embedded PGlite on a worker thread (db/pglite-worker.mjs), so its work never blocks the event
 * loop. Creating a database (initdb) grows PGlite's WebAssembly memory to several times what
 * serving needs, and that memory never shrinks: a new data folder is created by a short-lived
 * child process, and a fresh worker opens it to serve.
 */
async function openPglite(dataDir: string | undefined, onWorkerExit?: (error: Error) => void): Promise<Database> {
  let dir: string | undefined;
  if (dataDir) {
    dir = resolve(dataDir);
    await mkdir(dir, { recursive: true });
    if (!existsSync(join(dir, 'PG_VERSION'))) await createPgliteDataDir(dir);
  }
  // drizzle's pglite driver calls only query() and transaction(), which the worker's end provides
  return owning((await startPgliteWorker(dir, onWorkerExit)) as unknown as PGlite);
}

/** Wraps a PGlite instance, once ready, as a Database that owns it (tests use it to open snapshots). */
export async function pgliteDatabase(client: PGlite): Promise<Database> {
  await client.waitReady;
  return owning(client);
}

/** A Database over a PGlite (in this thread, or the worker's end) that closes it. */
function owning(client: Pick<PGlite, 'close'>): Database {
  const db: Db = drizzlePglite({ client: client as PGlite, ...drizzleConfig });
  return {
    db,
    driver: 'pglite',
    close: once(() => client.close()),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
  };
}

// Shutdown paths (SIGTERM, a failed start, test teardown) may each close; pg's Pool throws on a second end().
function once(fn: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= fn());
}
