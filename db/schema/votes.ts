import { bigint, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { jsonb, timestamps } from './columns.js';
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
    ...timestamps,
  },
  (t) => [
    unique('votes_poll_id_voter_id_unique').on(t.pollId, t.voterId),
    // Reading a poll's votes in arrival order (results, CSV export).
    index('votes_poll_id_id_idx').on(t.pollId, t.id),
  ],
);
