/**
 * A throwaway Postgres database per vote benchmark, on the same server the tests use
 * (TEST_DATABASE_ADMIN_URL, default postgres@127.0.0.1:5432), which is started if it is down.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import pg from 'pg';

export function adminUrl(): string {
  return process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
}

async function withAdmin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Makes sure Postgres answers, starting the local Debian cluster when it does not. */
export async function ensurePostgres(): Promise<void> {
  if (await withAdmin(async () => true).catch(() => false)) return;
  if (['127.0.0.1', 'localhost'].includes(new URL(adminUrl()).hostname) && existsSync('/etc/postgresql')) {
    for (const version of readdirSync('/etc/postgresql')) spawnSync('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start'], { stdio: 'inherit' });
  }
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (await withAdmin(async () => true).catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('Postgres did not answer within 20 s; start it or set TEST_DATABASE_ADMIN_URL');
}

/** Creates an empty database; the server under test migrates it. */
export async function createBenchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `lectern_bench_${randomBytes(5).toString('hex')}`;
  await withAdmin((c) => c.query(`create database "${name}"`));
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => withAdmin((c) => c.query(`drop database if exists "${name}" with (force)`)).then(() => undefined),
  };
}

/** Rows in `votes`, counted straight from the database after the server stopped. */
export async function countStoredPostgres(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>('select count(*) as n from votes');
    return Number(rows[0]!.n);
  } finally {
    await client.end();
  }
}

/** Server-wide: commits and fsync setting, for the method section. */
export async function postgresInfo(): Promise<{ version: string; fsync: string; synchronousCommit: string }> {
  return withAdmin(async (c) => {
    const v = await c.query<{ server_version: string }>('show server_version');
    const f = await c.query<{ fsync: string }>('show fsync');
    const s = await c.query<{ synchronous_commit: string }>('show synchronous_commit');
    return { version: v.rows[0]!.server_version, fsync: f.rows[0]!.fsync, synchronousCommit: s.rows[0]!.synchronous_commit };
  });
}
