import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';
import { runs } from './runs.js';

/** Reaction taps per run, slide and kind, added up in batches (never a row per tap). */
export const reactions = pgTable(
  'reactions',
  {
    runId: integer()
      .notNull()
      .references(() => runs.id),
    slideIndex: integer().notNull(),
    kind: text().notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.runId, t.slideIndex, t.kind] })],
);

/** Each time the presenter arrives on a slide; time spent is the gap to the next arrival. */
export const slideVisits = pgTable(
  'slide_visits',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    runId: integer()
      .notNull()
      .references(() => runs.id),
    slideIndex: integer().notNull(),
    enteredAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [index('slide_visits_run_id_idx').on(t.runId, t.id)],
);
