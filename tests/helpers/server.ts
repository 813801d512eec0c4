/**
 * Starts the real Lectern (the same factory main.ts uses) on a random port, on a fresh database
 * of the chosen driver, for integration and browser tests.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { pino, type Logger } from 'pino';
import type { Driver } from '../../db/client.js';
import { parseConfig } from '../../server/config.js';
import { startLectern, type Lectern } from '../../server/lectern.js';
import { openTestDatabase, testAdminUrl } from './databases.js';
import { fixtureDeck } from './decks.js';
import { TEST_VOTER_SECRET } from './voters.js';

/** The deck a test server serves unless told otherwise (slug `basic`). */
export const FIXTURE_DECK = fixtureDeck('basic');

/** Where a test server keeps its data, so a second server can be started on the same database. */
export interface TestDatabaseRef {
  url?: string;
  name?: string;
  dataDir?: string;
}

export interface TestServerOptions {
  driver?: Driver;
  decks?: string[];
  presenterKey?: string;
  /** Reuse the database of an earlier server (restart tests). */
  database?: TestDatabaseRef;
  watchDecks?: boolean;
  metricsToken?: string;
  /** `null`: no VOTER_SECRET, so the server makes its own and keeps it in the database. */
  voterSecret?: null;
  /** The built client to serve instead of dist/client. */
  clientDir?: string;
  /** More environment (VOTER_ID_BURST …). */
  env?: Record<string, string>;
  /** Where the server logs; silent unless TEST_LOG_LEVEL is set. */
  log?: Logger;
}

export interface TestServer {
  url: string;
  key: string;
  slugs: string[];
  lectern: Lectern;
  database: TestDatabaseRef;
  /** Stops the server; drops its database unless `keepDatabase`. */
  close(opts?: { keepDatabase?: boolean }): Promise<void>;
}

async function freshDatabase(driver: Driver): Promise<TestDatabaseRef> {
  if (driver === 'pglite') return { dataDir: await mkdtemp(join(tmpdir(), 'lectern-pglite-')) };
  const created = await openTestDatabase('postgres');
  await created.database.close(); // the server opens its own pool; we only wanted the empty database
  return { url: created.url, name: created.name };
}

async function dropDatabase(ref: TestDatabaseRef) {
  if (ref.dataDir) await rm(ref.dataDir, { recursive: true, force: true });
  if (ref.name) {
    const admin = new pg.Client({ connectionString: testAdminUrl() });
    await admin.connect();
    await admin.query(`drop database if exists "${ref.name}" with (force)`).finally(() => admin.end());
  }
}

/** Starts Lectern on 127.0.0.1 with a random port. */
export async function startTestServer(opts: TestServerOptions = {}): Promise<TestServer> {
  const driver = opts.driver ?? 'pglite';
  const database = opts.database ?? (await freshDatabase(driver));
  const key = opts.presenterKey ?? 'test-presenter-key';
  const config = parseConfig(
    {
      PORT: '0',
      HOST: '127.0.0.1',
      PRESENTER_KEY: key,
      DATABASE_URL: driver === 'postgres' ? database.url : undefined,
      DATA_DIR: database.dataDir ?? join(tmpdir(), 'lectern-unused'),
      WATCH_DECKS: opts.watchDecks ? '1' : '0',
      METRICS_TOKEN: opts.metricsToken,
      VOTER_SECRET: opts.voterSecret === null ? undefined : TEST_VOTER_SECRET,
      ...opts.env,
    },
    opts.decks ?? [FIXTURE_DECK],
  );
  // PGlite keeps its files in `${dataDir}/pglite`; point DATA_DIR at the temp folder itself.
  const lectern = await startLectern(config, opts.log ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }), opts.clientDir ? { clientDir: opts.clientDir } : {});
  return {
    url: `http://127.0.0.1:${lectern.port}`,
    key,
    slugs: lectern.talks.list().map((t) => t.deck.slug),
    lectern,
    database,
    async close({ keepDatabase = false } = {}) {
      await lectern.close();
      if (!keepDatabase) await dropDatabase(database);
    },
  };
}
