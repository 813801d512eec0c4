import { and, asc, desc, eq, isNull, max, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { runs, slideVisits, talks } from '../schema/index.js';

/** One delivery of a talk. Times are epoch ms. */
export interface Run {
  id: number;
  talkId: number;
  number: number;
  currentSlide: number;
  /** Build steps of the current slide revealed. */
  currentStep: number;
  /** Furthest step revealed per slide index. */
  stepsShown: Record<string, number>;
  startedAt: number;
  endedAt: number | null;
  /** The poll key shown on every phone, or null. */
  activePoll: string | null;
}

function toRun(row: typeof runs.$inferSelect): Run {
  return {
    id: row.id,
    talkId: row.talkId,
    number: row.number,
    currentSlide: row.currentSlide,
    currentStep: row.currentStep,
    stepsShown: row.stepsShown,
    startedAt: row.startedAt.getTime(),
    endedAt: row.endedAt?.getTime() ?? null,
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

/** The talk's latest run, ended or not (an ended run stays the talk's run until the next starts), or null. */
export async function latestRun(db: Db, talkId: number): Promise<Run | null> {
  const [row] = await db.select().from(runs).where(eq(runs.talkId, talkId)).orderBy(desc(runs.number)).limit(1);
  return row ? toRun(row) : null;
}

/** Ends a run (the talk is over) unless it already ended; returns the run as stored, or null when there is none. */
export async function endRun(db: Db, runId: number): Promise<Run | null> {
  const [row] = await db
    .update(runs)
    .set({ endedAt: sql`now()` })
    .where(and(eq(runs.id, runId), isNull(runs.endedAt)))
    .returning();
  return row ? toRun(row) : findRun(db, runId);
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

/** Puts the run on a slide (and step) without recording an arrival (the deck got shorter). */
export async function setRunSlide(db: Db, runId: number, index: number, step = 0): Promise<void> {
  await db.update(runs).set({ currentSlide: index, currentStep: step }).where(eq(runs.id, runId));
}

/** An arrival on a slide; `at` in epoch ms, taken when the presenter moved. */
export interface SlideVisit {
  slide: number;
  at: number;
}

/**
 * A slide change as one statement: the run's current slide, and the arrivals that led to it (one,
 * or several when moves queued while the database was slow), for the engagement timeline.
 */
export async function moveRun(
  db: Db,
  runId: number,
  index: number,
  visits: readonly SlideVisit[] = [{ slide: index, at: Date.now() }],
  builds: { step: number; stepsShown: Record<string, number> } = { step: 0, stepsShown: {} },
): Promise<void> {
  const { step } = builds;
  // the whole map, as the one writer of this run holds it: it only grows, and writes are in order
  const shown = sql`${JSON.stringify(builds.stepsShown)}::jsonb`;
  if (visits.length === 0) {
    await db.execute(sql`update ${runs} set current_slide = ${index}, current_step = ${step}, steps_shown = ${shown} where id = ${runId}`);
    return;
  }
  const slides = sql.param(visits.map((v) => v.slide));
  const times = sql.param(visits.map((v) => v.at));
  await db.execute(sql`
    with moved as (update ${runs} set current_slide = ${index}, current_step = ${step}, steps_shown = ${shown} where id = ${runId} returning id)
    insert into ${slideVisits} (run_id, slide_index, entered_at)
    select moved.id, v.slide, to_timestamp(v.ms / 1000.0) from moved, unnest(${slides}::int[], ${times}::float8[]) with ordinality as v(slide, ms, n)
    order by v.n`);
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

// A new run starts on slide 0, and its engagement timeline with it.
async function insertNextRun(tx: Db, talkId: number): Promise<Run> {
  const [last] = await tx.select({ n: max(runs.number) }).from(runs).where(eq(runs.talkId, talkId));
  const [row] = await tx
    .insert(runs)
    .values({ talkId, number: (last?.n ?? 0) + 1 })
    .returning();
  await tx.insert(slideVisits).values({ runId: row!.id, slideIndex: row!.currentSlide, enteredAt: row!.startedAt });
  return toRun(row!);
}
