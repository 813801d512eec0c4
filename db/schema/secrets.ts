import { pgTable, text } from 'drizzle-orm/pg-core';
import { timestamptz } from './columns.js';

/**
 * Server-wide secrets made once and kept with the data (the voter cookie's signing key), so they
 * survive restarts and every process sharing the database uses the same one.
 */
export const serverSecrets = pgTable('server_secrets', {
  name: text().primaryKey(),
  value: text().notNull(),
  createdAt: timestamptz().notNull().defaultNow(),
});
