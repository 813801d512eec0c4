import { integer, pgTable, text } from 'drizzle-orm/pg-core';
import { timestamps } from './columns.js';

/** A deck known to the server, keyed by its slug. */
export const talks = pgTable('talks', {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
  slug: text().notNull().unique(),
  title: text().notNull(),
  deckHash: text().notNull(),
  ...timestamps,
});
