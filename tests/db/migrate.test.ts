import { count, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDb } from '../../db/client.js';
import { migrateDb } from '../../db/migrate.js';
import * as schema from '../../db/schema/index.js';
import { drivers, openTestDatabase, testAdminUrl, type TestDatabase } from '../helpers/databases.js';

describe.each(drivers)('migrations on %s', (driver) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await openTestDatabase(driver);
  });
  afterEach(() => t.dispose());

  it('creates every table, and applying them again changes nothing', async () => {
    await migrateDb(t.database); // a second start on a migrated database
    const tables = await t.database.db
      .select({ name: sql<string>`table_name` })
      .from(sql`information_schema.tables`)
      .where(sql`table_schema = 'public'`)
      .orderBy(sql`table_name`);
    expect(tables.map((r) => r.name)).toEqual(['players', 'polls', 'question_votes', 'questions', 'reactions', 'runs', 'server_secrets', 'sessions', 'slide_visits', 'socket_io_attachments', 'talks', 'votes']);
  });

  it('answers ping', async () => {
    await expect(t.database.ping()).resolves.toBeUndefined();
  });
});

describe('migrations on postgres, several processes starting at once', () => {
  it('apply once while the others wait', async () => {
    const name = `lectern_t_race_${process.pid}`;
    const admin = new pg.Client({ connectionString: testAdminUrl() });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    const url = new URL(testAdminUrl());
    url.pathname = `/${name}`;
    const opened = await Promise.all([1, 2, 3].map(() => createDb({ databaseUrl: url.toString(), poolSize: 2 })));
    try {
      await Promise.all(opened.map((database) => migrateDb(database)));
      const [talks] = await opened[0]!.db.select({ n: count() }).from(schema.talks);
      expect(talks?.n).toBe(0);
    } finally {
      await Promise.all(opened.map((database) => database.close()));
      await admin.query(`drop database "${name}" with (force)`);
      await admin.end();
    }
  });
});
