import { sql } from 'drizzle-orm';
import { integer, jsonb, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';
import { talks } from './talks.js';

/** One delivery of a talk; its polls and votes belong to it, so giving the talk again starts clean. */
export const runs = pgTable(
  'runs',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    talkId: integer()
      .notNull()
      .references(() => talks.id),
    /** 1, 2, 3 … per talk. */
    number: integer().notNull(),
    currentSlide: integer().notNull().default(0),
    /** How many build steps of the current slide are revealed (0: none yet). */
    currentStep: integer().notNull().default(0),
    /**
     * The furthest step revealed on each slide this run, `{ "3": 2 }`: what clients without the
     * presenter key may see of a slide that builds (its visits say which slides were shown).
     */
    stepsShown: jsonb().$type<Record<string, number>>().notNull().default({}),
    startedAt: timestamptz().notNull().defaultNow(),
    endedAt: timestamptz(),
    /** The poll key on every phone now (the current slide's, or an ad-hoc one); null for none. */
    activePoll: text(),
  },
  (t) => [
    unique('runs_talk_id_number_unique').on(t.talkId, t.number),
    // At most one open run per talk, whatever the application does.
    uniqueIndex('runs_one_open_per_talk').on(t.talkId).where(sql`ended_at is null`),
  ],
);
