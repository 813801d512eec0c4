import { fileURLToPath } from 'node:url';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { Database } from './client.js';

/**
 * The committed drizzle-kit output, whatever the working directory. Written from the package
 * root's side (`../db/`) so it holds both here and in the compiled dist/server.js, which also sits
 * one folder below the root (scripts/build-server.mjs).
 */
export const migrationsFolder = fileURLToPath(new URL('../db/migrations', import.meta.url));

// Any constant shared by every Lectern process; serialises migrations across processes.
const MIGRATION_LOCK_KEY = 0x1ec7e2;

/** Applies the migrations not yet applied; safe when several processes start at once. */
export async function migrateDb(database: Database): Promise<void> {
  if (database.driver === 'pglite') {
    await migratePglite(database.db as PgliteDatabase<never>, { migrationsFolder });
    return;
  }
  if (!database.pool) throw new Error('migrateDb: a Postgres database without its pool');
  // drizzle's migrator takes no lock, so two processes starting together could both apply a
  // migration. Hold a session advisory lock on one client and migrate through that same client.
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await migrateNodePg(drizzleNodePg({ client }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
