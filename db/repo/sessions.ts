import { and, desc, eq, inArray, isNull, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../client.js';
import { sessions } from '../schema/index.js';

/** A signed-in device. Times are epoch ms; `talk` null means an admin session. */
export interface SessionRow {
  id: number;
  talk: string | null;
  role: string;
  label: string;
  createdAt: number;
  lastSeenAt: number;
}

const columns = {
  id: sessions.id,
  talk: sessions.talk,
  role: sessions.role,
  label: sessions.label,
  createdAt: sessions.createdAt,
  lastSeenAt: sessions.lastSeenAt,
};
const toRow = (r: Omit<SessionRow, 'createdAt' | 'lastSeenAt'> & { createdAt: Date; lastSeenAt: Date }): SessionRow => ({
  ...r,
  createdAt: r.createdAt.getTime(),
  lastSeenAt: r.lastSeenAt.getTime(),
});

/** Stores a new session by the hash of its secret, made at `at` (the caller's clock, which expiry is measured on). */
export async function insertSession(db: Db, s: { tokenHash: string; talk: string | null; role: string; label: string }, at: Date): Promise<SessionRow> {
  const [row] = await db.insert(sessions).values({ ...s, createdAt: at, lastSeenAt: at }).returning(columns);
  return toRow(row!);
}

/** The session with this secret's hash, or null. */
export async function findSessionByHash(db: Db, tokenHash: string): Promise<SessionRow | null> {
  const [row] = await db.select(columns).from(sessions).where(eq(sessions.tokenHash, tokenHash)).limit(1);
  return row ? toRow(row) : null;
}

/** Marks sessions as used at `at`. */
export async function touchSessions(db: Db, ids: readonly number[], at: Date): Promise<void> {
  if (ids.length) await db.update(sessions).set({ lastSeenAt: at }).where(inArray(sessions.id, [...ids]));
}

/** The sessions of one talk (and, with `admin`, the admin sessions), most recently used first. */
export async function sessionsForTalk(db: Db, talk: string, opts: { admin?: boolean } = {}): Promise<SessionRow[]> {
  const where = opts.admin ? or(eq(sessions.talk, talk), isNull(sessions.talk)) : eq(sessions.talk, talk);
  const rows = await db.select(columns).from(sessions).where(where).orderBy(desc(sessions.lastSeenAt)).limit(500);
  return rows.map(toRow);
}

/**
 * Deletes sessions of `talk` (admin ones too when `admin`): the one `id`, or all but `keep`.
 * Returns the ids deleted.
 */
export async function deleteSessions(db: Db, talk: string, which: { id: number } | { allBut?: number }, opts: { admin?: boolean } = {}): Promise<number[]> {
  const scope = opts.admin ? or(eq(sessions.talk, talk), isNull(sessions.talk)) : eq(sessions.talk, talk);
  const pick = 'id' in which ? eq(sessions.id, which.id) : which.allBut !== undefined ? ne(sessions.id, which.allBut) : undefined;
  const rows = await db.delete(sessions).where(and(scope, pick)).returning({ id: sessions.id });
  return rows.map((r) => r.id);
}

/** Deletes sessions idle since before `before` (epoch ms); returns how many. */
export async function deleteIdleSessions(db: Db, before: number): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.lastSeenAt, new Date(before))).returning({ id: sessions.id });
  return rows.length;
}
