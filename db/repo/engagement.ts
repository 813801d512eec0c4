import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { reactions, slideVisits } from '../schema/index.js';

export interface ReactionCount {
  runId: number;
  slideIndex: number;
  kind: string;
  count: number;
}

/** Adds a batch of reaction counts in one statement (count = count + new). */
export async function addReactions(db: Db, batch: readonly ReactionCount[]): Promise<void> {
  if (!batch.length) return;
  await db
    .insert(reactions)
    .values([...batch])
    .onConflictDoUpdate({ target: [reactions.runId, reactions.slideIndex, reactions.kind], set: { count: sql`${reactions.count} + excluded.count` } });
}

/** A run's reaction counts per slide and kind. */
export async function reactionsForRun(db: Db, runId: number): Promise<ReactionCount[]> {
  return db.select().from(reactions).where(eq(reactions.runId, runId)).orderBy(asc(reactions.slideIndex), asc(reactions.kind));
}

/**
 * Starts a run's engagement timeline on `slideIndex` unless it has one: runs begun before runs
 * recorded their first arrival themselves. One statement.
 */
export async function startTimeline(db: Db, runId: number, slideIndex: number): Promise<void> {
  await db.execute(sql`
    insert into ${slideVisits} (run_id, slide_index)
    select ${runId}, ${slideIndex} where not exists (select 1 from ${slideVisits} where run_id = ${runId})`);
}

/** A run's slide arrivals in order, times in epoch ms. */
export async function slideVisitsForRun(db: Db, runId: number): Promise<{ slideIndex: number; enteredAt: number }[]> {
  const rows = await db.select({ slideIndex: slideVisits.slideIndex, enteredAt: slideVisits.enteredAt }).from(slideVisits).where(eq(slideVisits.runId, runId)).orderBy(asc(slideVisits.id));
  return rows.map((r) => ({ slideIndex: r.slideIndex, enteredAt: r.enteredAt.getTime() }));
}
