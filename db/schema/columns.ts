import { customType, timestamp } from 'drizzle-orm/pg-core';

/** A timestamptz read and written as a JS Date. */
export const timestamptz = () => timestamp({ withTimezone: true, mode: 'date' });

/** Row bookkeeping shared by tables that are updated in place; spread into the table definition. */
export const timestamps = {
  createdAt: timestamptz().notNull().defaultNow(),
  updatedAt: timestamptz().notNull().defaultNow(),
};

/** Any value JSON can hold: what a jsonb column stores. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * jsonb that hands back exactly what was stored. drizzle's own `jsonb()` JSON.parses any string the
 * driver returns, but both pg and PGlite already parse jsonb, so a stored string such as "42" or
 * "true" (a text-poll answer) would come back as a number or boolean.
 */
export const jsonb = customType<{ data: JsonValue; driverData: string }>({
  dataType: () => 'jsonb',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => value as unknown as JsonValue,
});
