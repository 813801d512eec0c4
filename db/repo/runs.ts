import { and, asc, desc, eq, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { runs, talks } from '../schema/index.js';

/** One delivery of a talk. Times are epoch ms. */
export interface Run {
  id: number;
  talkId: number;
  number: number;
  currentSlide: number;
  startedAt: number;
  endedAt: number | null;
  slideChangedAt: number;
  /** The poll key shown on every phone, or null. */
  activePoll: string | null;
}

function toRun(row: typeof runs.$inferSelect): Run {
  return {
    id: row.id,
    talkId: row.talkId,
    number: row.number,
    currentSlide: row.currentSlide,
    startedAt: row.startedAt.getTime(),
    endedAt: row.endedAt?.getTime() ?? null,
    slideChangedAt: row.slideChangedAt.getTime(),
    activePoll: row.activePoll,
  };
}

/** The talk's run in progress (not ended), or null. */
export async function currentRun(db: Db, talkId: number): Promise<Run | null> {
  const [row] = await db
    .select()
    .from(runs)
    .where(and(eq(runs.talkId, talkId), isNull(runs.endedAt)))
    .orderBy(desc(runs.number))
    .limit(1);
  return row ? toRun(row) : null;
}

/** The run in progress, or a new one (#1, or the next number) when none is open. */
export async function getOrStartRun(db: Db, talkId: number): Promise<Run> {
  const open = await currentRun(db, talkId);
  if (open) return open;
  return db.transaction(async (tx) => {
    await lockTalk(tx, talkId);
    // Another caller may have started one while we waited for the lock.
    return (await currentRun(tx, talkId)) ?? insertNextRun(tx, talkId);
  });
}

/** Ends the run in progress (if any) and starts the next number at slide 0. */
export async function startRun(db: Db, talkId: number): Promise<Run> {
  return db.transaction(async (tx) => {
    await lockTalk(tx, talkId);
    await tx
      .update(runs)
      .set({ endedAt: sql`now()` })
      .where(and(eq(runs.talkId, talkId), isNull(runs.endedAt)));
    return insertNextRun(tx, talkId);
  });
}

/** Moves the run to a slide and records when. */
export async function setRunSlide(db: Db, runId: number, index: number): Promise<void> {
  await db
    .update(runs)
    .set({ currentSlide: index, slideChangedAt: sql`now()` })
    .where(eq(runs.id, runId));
}

/** Records which poll every phone shows (null: none), so any process can serve it. */
export async function setRunActivePoll(db: Db, runId: number, pollKey: string | null): Promise<void> {
  await db.update(runs).set({ activePoll: pollKey }).where(eq(runs.id, runId));
}

/** A run by id (a peer process changed it), or null. */
export async function findRun(db: Db, runId: number): Promise<Run | null> {
  const [row] = await db.select().from(runs).where(eq(runs.id, runId)).limit(1);
  return row ? toRun(row) : null;
}

/** Every run of the talk, oldest first. */
export async function listRuns(db: Db, talkId: number): Promise<Run[]> {
  const rows = await db.select().from(runs).where(eq(runs.talkId, talkId)).orderBy(asc(runs.number));
  return rows.map(toRun);
}

// Run starts for one talk queue behind this row lock, so max(number)+1 and "one open run"
// hold under concurrent callers and across processes.
async function lockTalk(tx: Db, talkId: number): Promise<void> {
  const [talk] = await tx.select({ id: talks.id }).from(talks).where(eq(talks.id, talkId)).for('update');
  if (!talk) throw new Error(`No talk with id ${talkId}`);
}

async function insertNextRun(tx: Db, talkId: number): Promise<Run> {
  const [last] = await tx.select({ n: max(runs.number) }).from(runs).where(eq(runs.talkId, talkId));
  const [row] = await tx
    .insert(runs)
    .values({ talkId, number: (last?.n ?? 0) + 1 })
    .returning();
  return toRun(row!);
}
