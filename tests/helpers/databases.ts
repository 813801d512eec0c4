/**
 * Test databases for both drivers. Postgres: a fresh `lectern_t_<random>` database per call,
 * migrated, dropped on dispose. PGlite: in memory, or in a data directory, migrated.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createDb, pgliteDatabase, type Database, type Driver } from '../../db/client.js';
import { migrateDb } from '../../db/migrate.js';

/** Every driver; `describe.each(drivers)` runs a suite against each. */
export const drivers = ['pglite', 'postgres'] as const satisfies readonly Driver[];

/** Where tests reach Postgres as a user allowed to create databases. */
export function testAdminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

export interface TestDatabaseOptions {
  /** PGlite: keep the data in this directory (left in place on dispose). */
  dataDir?: string;
  /** PGlite: keep the data in a fresh temp directory (removed on dispose), so `reopen()` works. */
  persistent?: boolean;
  /** Postgres: use this database; created (and dropped on dispose) only if it does not exist yet. */
  name?: string;
}

export interface TestDatabase {
  /** The open database; a new object after `reopen()`. */
  readonly database: Database;
  readonly driver: Driver;
  /** Postgres: the database's URL (what a server under test gets as DATABASE_URL). */
  readonly url?: string;
  /** Postgres: the database's name, to open it again from another handle via `{ name }`. */
  readonly name?: string;
  /** PGlite: the data directory, when not in memory. */
  readonly dataDir?: string;
  /** Closes the database and opens the same storage again, migrated, as a restarted server would. */
  reopen(): Promise<Database>;
  /** Closes it and removes what this call created (the database, the temp directory). */
  dispose(): Promise<void>;
}

/** Opens a migrated test database for the driver; see TestDatabaseOptions for reuse. */
export async function openTestDatabase(driver: Driver, opts: TestDatabaseOptions = {}): Promise<TestDatabase> {
  return driver === 'postgres' ? openPostgres(opts) : openPglite(opts);
}

async function openMigrated(options: { databaseUrl?: string; dataDir?: string }): Promise<Database> {
  const database = await createDb({ ...options, poolSize: 4 });
  try {
    await migrateDb(database);
  } catch (error) {
    await database.close();
    throw error;
  }
  return database;
}

async function openPglite(opts: TestDatabaseOptions): Promise<TestDatabase> {
  const tempDir = !opts.dataDir && opts.persistent ? await mkdtemp(join(tmpdir(), 'lectern-pglite-')) : undefined;
  const dataDir = opts.dataDir ?? tempDir;
  let database = dataDir ? await openMigrated({ dataDir }) : await openPgliteClone();
  return {
    driver: 'pglite',
    dataDir,
    get database() {
      return database;
    },
    async reopen() {
      if (!dataDir) throw new Error('An in-memory PGlite cannot be reopened; pass { persistent: true } or a dataDir');
      await database.close();
      database = await openMigrated({ dataDir });
      return database;
    },
    async dispose() {
      await database.close();
      if (tempDir) await rm(tempDir, { recursive: true, force: true });
    },
  };
}

// A fresh PGlite runs initdb (~1 s); loading a dump of an already migrated one takes ~0.3 s.
let migratedSnapshot: Promise<Blob> | undefined;

async function openPgliteClone(): Promise<Database> {
  migratedSnapshot ??= (async () => {
    const client = new PGlite();
    const template = await pgliteDatabase(client);
    await migrateDb(template);
    const dump = await client.dumpDataDir('none');
    await template.close();
    return dump;
  })();
  const database = await pgliteDatabase(new PGlite({ loadDataDir: await migratedSnapshot }));
  await migrateDb(database); // a no-op on the clone, but keeps "opened = migrated" true if the snapshot were stale
  return database;
}

async function openPostgres(opts: TestDatabaseOptions): Promise<TestDatabase> {
  const name = opts.name ?? `lectern_t_${randomBytes(6).toString('hex')}`;
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Test database name "${name}" must be a plain identifier`);
  const created = await admin(async (client) => {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`create database "${name}"`);
    return true;
  });
  const url = new URL(testAdminUrl());
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  let database: Database;
  try {
    database = await openMigrated({ databaseUrl });
  } catch (error) {
    if (created) await dropDatabase(name);
    throw error;
  }
  return {
    driver: 'postgres',
    url: databaseUrl,
    name,
    get database() {
      return database;
    },
    async reopen() {
      await database.close();
      database = await openMigrated({ databaseUrl });
      return database;
    },
    async dispose() {
      await database.close();
      if (created) await dropDatabase(name);
    },
  };
}

async function dropDatabase(name: string): Promise<void> {
  // FORCE: a test that failed midway may have left a connection open.
  await admin((client) => client.query(`drop database if exists "${name}" with (force)`));
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
