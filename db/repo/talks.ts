import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { talks } from '../schema/index.js';

export interface Talk {
  id: number;
  slug: string;
  title: string;
  deckHash: string;
  createdAt: number;
  updatedAt: number;
}

/** Creates the talk for a deck slug, or updates its title and hash; returns its id. */
export async function ensureTalk(
  db: Db,
  talk: { slug: string; title: string; deckHash: string },
): Promise<{ id: number }> {
  const [row] = await db
    .insert(talks)
    .values(talk)
    .onConflictDoUpdate({
      target: talks.slug,
      set: { title: talk.title, deckHash: talk.deckHash, updatedAt: sql`now()` },
    })
    .returning({ id: talks.id });
  return { id: row!.id };
}

/** The talk with this slug, or null. */
export async function findTalk(db: Db, slug: string): Promise<Talk | null> {
  const [row] = await db.select().from(talks).where(eq(talks.slug, slug));
  return row
    ? { ...row, createdAt: row.createdAt.getTime(), updatedAt: row.updatedAt.getTime() }
    : null;
}
