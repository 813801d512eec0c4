import { sql } from 'drizzle-orm';
import { integer, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';
import { runs } from './runs.js';

/**
 * The quiz players of a run: a device (its voter id, never exported) with its place number ("Player
 * 17" while it has no nickname) and the nickname it chose, unique per run whatever the letter case.
 * Scores are not stored: they are recomputed from the answers, so they can never drift from them.
 */
export const players = pgTable(
  'players',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    runId: integer()
      .notNull()
      .references(() => runs.id),
    voterId: text().notNull(),
    /** 1, 2, 3 … per run, in the order devices first played or named themselves. */
    number: integer().notNull(),
    /** Filtered like any audience text; null: anonymous, shown as "Player <number>". */
    nickname: text(),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    unique('players_run_id_voter_id_unique').on(t.runId, t.voterId),
    unique('players_run_id_number_unique').on(t.runId, t.number),
    uniqueIndex('players_run_id_nickname_unique').on(t.runId, sql`lower(${t.nickname})`).where(sql`nickname is not null`),
  ],
);
