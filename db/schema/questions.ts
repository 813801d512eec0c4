import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { timestamps, timestamptz } from './columns.js';
import type { QuestionStatus } from '../../contract/qa.js';
import { runs } from './runs.js';

export type { QuestionStatus } from '../../contract/qa.js';

/** An audience question asked during a run. */
export const questions = pgTable(
  'questions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    runId: integer()
      .notNull()
      .references(() => runs.id),
    /** The slide on screen when it was asked (for the engagement timeline). */
    slideIndex: integer().notNull(),
    /** The asking device; never exported. */
    voterId: text().notNull(),
    /** Optional name the asker typed; anonymous when null. */
    displayName: text(),
    text: text().notNull(),
    status: text().$type<QuestionStatus>().notNull(),
    answered: boolean().notNull().default(false),
    pinned: boolean().notNull().default(false),
    ...timestamps,
  },
  (t) => [
    index('questions_run_id_idx').on(t.runId, t.id),
    check('questions_status_check', sql`status in ('pending', 'approved', 'hidden')`),
  ],
);

/** One upvote per voter per question; withdrawing deletes the row. */
export const questionVotes = pgTable(
  'question_votes',
  {
    questionId: integer()
      .notNull()
      .references(() => questions.id),
    voterId: text().notNull(),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.questionId, t.voterId] })],
);
