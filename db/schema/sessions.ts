import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';

/**
 * Signed-in presenter and moderator devices. A session is a random secret the device keeps; only
 * its sha256 is stored, so a copy of the database signs nobody in. Deleting the row signs the
 * device out; one idle longer than the configured expiry is refused and swept.
 */
export const sessions = pgTable(
  'sessions',
  {
    id: integer().primaryKey().generatedAlwaysAsIdentity(),
    /** sha256 of the secret, hex. */
    tokenHash: text().notNull().unique(),
    /** The talk's slug; null for an admin session (the server-wide key), good for every talk. */
    talk: text(),
    /** `presenter` or `moderator`. */
    role: text().notNull(),
    /** What the device said it is (its user agent, cut), so a person can tell devices apart. */
    label: text().notNull().default(''),
    createdAt: timestamptz().notNull().defaultNow(),
    lastSeenAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [index('sessions_talk_idx').on(t.talk), index('sessions_last_seen_at_idx').on(t.lastSeenAt)],
);
