import { sql } from 'drizzle-orm';
import { boolean, check, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import type { PollSpec, PollStatus } from '../../contract/poll.js';
import { jsonb, timestamptz } from './columns.js';
import { runs } from './runs.js';

export type { PollStatus } from '../../contract/poll.js';

/** A poll asked during a run: from the deck (keyed by its stable id) or ad hoc. */
export const polls = pgTable(
  'polls',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    runId: integer()
      .notNull()
      .references(() => runs.id),
    pollKey: text().notNull(),
    /** null for an ad-hoc poll. */
    slideIndex: integer(),
    /** The full normalised spec (question, type, options …), so results stay readable after the deck changes. */
    spec: jsonb().$type<PollSpec>().notNull(),
    status: text().$type<PollStatus>().notNull().default('closed'),
    resultsHidden: boolean().notNull().default(false),
    openedAt: timestamptz(),
    closedAt: timestamptz(),
    /**
     * While open with a countdown (`timer:`): when it closes itself, by the server's clock. Null with
     * no countdown running (none in the deck, stopped by the presenter, or closed).
     */
    closesAt: timestamptz(),
    /** A quiz question: when the presenter showed the right answer (scores count it from then); null before. */
    correctShownAt: timestamptz(),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    unique('polls_run_id_poll_key_unique').on(t.runId, t.pollKey),
    check('polls_status_check', sql`status in ('open', 'closed')`),
    check('polls_type_check', sql`spec->>'type' in ('single', 'multiple', 'words', 'scale', 'text')`),
  ],
);
