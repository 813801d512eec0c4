import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import type { AnswerStatus } from '../../contract/poll.js';
import { jsonb, timestamps, timestamptz } from './columns.js';
import { polls } from './polls.js';

/** One voter's current answer to one poll; voting again replaces it. */
export const votes = pgTable(
  'votes',
  {
    id: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    pollId: integer()
      .notNull()
      .references(() => polls.id),
    /** Random per device; never exported. */
    voterId: text().notNull(),
    answer: jsonb().notNull(),
    /** `visible` counts in the results; `held` waits for a moderator; `hidden` was taken off by one. */
    status: text().$type<AnswerStatus>().notNull().default('visible'),
    /**
     * When the server received this answer (not when the group commit stored it): quiz scores reward
     * speed from it. Null on answers stored before it existed (their `updated_at` stands in).
     */
    answeredAt: timestamptz(),
    ...timestamps,
  },
  (t) => [
    unique('votes_poll_id_voter_id_unique').on(t.pollId, t.voterId),
    // Reading a poll's votes in arrival order (results, CSV export).
    index('votes_poll_id_id_idx').on(t.pollId, t.id),
    check('votes_status_check', sql`status in ('visible', 'held', 'hidden')`),
  ],
);
