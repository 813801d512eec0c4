/**
 * vitest globalSetup: makes sure the Postgres the tests use is up, starting the local cluster if
 * it is not. Tests then create and drop their own databases (tests/helpers/databases.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';
import { maskDatabaseUrl } from '../../db/errors.js';
import { testAdminUrl } from '../helpers/databases.js';

const WAIT_MS = 20_000;

/** Connects to the admin URL, starting the Debian cluster when nothing answers. */
export default async function ensurePostgres(): Promise<void> {
  const url = testAdminUrl();
  if (await answers(url)) return;
  // Only a server on this machine is ours to start.
  if (['127.0.0.1', 'localhost', '[::1]'].includes(new URL(url).hostname)) startLocalCluster();
  const deadline = Date.now() + WAIT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await query(url);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(
    `Postgres for tests did not answer at ${maskDatabaseUrl(url)} within ${WAIT_MS / 1000}s ` +
      `(${(lastError as Error)?.message}). Start it, or set TEST_DATABASE_ADMIN_URL.`,
  );
}

async function answers(url: string): Promise<boolean> {
  return query(url).then(
    () => true,
    () => false,
  );
}

async function query(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => {});
  }
}

function startLocalCluster(): void {
  if (!existsSync('/etc/postgresql')) return; // not a Debian-style install; nothing we can start
  for (const version of readdirSync('/etc/postgresql')) {
    // Direct call: there is no systemd in the test container.
    spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  }
}
