import { and, asc, eq, sql } from 'drizzle-orm';
import type { PollSpec, PollType } from '../../contract/poll.js';
import type { Db } from '../client.js';
import { polls, votes, type PollStatus } from '../schema/index.js';

/** A poll of a run. Times are epoch ms. */
export interface PollRow {
  id: number;
  runId: number;
  pollKey: string;
  slideIndex: number | null;
  question: string;
  type: PollType;
  spec: PollSpec;
  status: PollStatus;
  resultsHidden: boolean;
  openedAt: number | null;
  closedAt: number | null;
  /** While open with a countdown running: when it closes itself (epoch ms). */
  closesAt: number | null;
  /** A quiz question: when its right answer was shown (epoch ms); null before. */
  correctShownAt: number | null;
}

export interface NewPoll {
  pollKey: string;
  slideIndex: number | null;
  spec: PollSpec;
  resultsHidden: boolean;
}

function toPoll(row: typeof polls.$inferSelect): PollRow {
  return {
    id: row.id,
    runId: row.runId,
    pollKey: row.pollKey,
    slideIndex: row.slideIndex,
    question: row.spec.question,
    type: row.spec.type,
    spec: row.spec,
    status: row.status,
    resultsHidden: row.resultsHidden,
    openedAt: row.openedAt?.getTime() ?? null,
    closedAt: row.closedAt?.getTime() ?? null,
    closesAt: row.closesAt?.getTime() ?? null,
    correctShownAt: row.correctShownAt?.getTime() ?? null,
  };
}

/** The run's poll with this key, created closed if new; an existing one is returned unchanged. */
export async function ensurePoll(db: Db, runId: number, poll: NewPoll): Promise<PollRow> {
  const [inserted] = await db
    .insert(polls)
    .values({ runId, ...poll })
    .onConflictDoNothing({ target: [polls.runId, polls.pollKey] })
    .returning();
  if (inserted) return toPoll(inserted);
  // The conflict means the row exists and is committed, so this read finds it.
  const existing = await findPoll(db, runId, poll.pollKey);
  if (!existing) throw new Error(`Poll "${poll.pollKey}" of run ${runId} vanished while being ensured`);
  return existing;
}

/**
 * Opens or closes a poll, stamping when; returns the updated poll, or null if there is none. Opening
 * a poll whose spec has `timer` starts its full countdown (closes_at = opened_at + timer); closing
 * by hand clears the deadline.
 */
export async function setPollStatus(db: Db, pollId: number, status: PollStatus): Promise<PollRow | null> {
  const stamp =
    status === 'open'
      ? { openedAt: sql`now()`, closedAt: null, closesAt: sql`now() + (${polls.spec}->>'timer')::numeric * interval '1 second'` }
      : { closedAt: sql`now()`, closesAt: null };
  const [row] = await db
    .update(polls)
    .set({ status, ...stamp })
    .where(eq(polls.id, pollId))
    .returning();
  return row ? toPoll(row) : null;
}

/**
 * Closes an open poll whose countdown has run out (by the database's clock); null when there is
 * nothing to do: already closed, stopped, extended, or closed by another process first. The
 * deadline stays, so a late answer can be told it came after it.
 */
export async function closePollAtDeadline(db: Db, pollId: number): Promise<PollRow | null> {
  const [row] = await db
    .update(polls)
    .set({ status: 'closed', closedAt: sql`now()` })
    .where(and(eq(polls.id, pollId), eq(polls.status, 'open'), sql`${polls.closesAt} <= now()`))
    .returning();
  return row ? toPoll(row) : null;
}

/**
 * Changes an open poll's countdown: `add` seconds to it (one starts from now when none runs; the
 * deadline is never more than `maxSeconds` away), or `stop` it. Null when the poll is not open or
 * its time is already up.
 */
export async function setPollDeadline(
  db: Db,
  pollId: number,
  change: { add: number; maxSeconds: number } | { stop: true },
): Promise<PollRow | null> {
  const closesAt =
    'stop' in change
      ? null
      : sql`least(coalesce(${polls.closesAt}, now()) + ${change.add}::numeric * interval '1 second', now() + ${change.maxSeconds}::numeric * interval '1 second')`;
  const [row] = await db
    .update(polls)
    .set({ closesAt })
    .where(and(eq(polls.id, pollId), eq(polls.status, 'open'), sql`(${polls.closesAt} is null or ${polls.closesAt} > now())`))
    .returning();
  return row ? toPoll(row) : null;
}

/** Hides or shows a poll's results to the audience. */
export async function setResultsHidden(db: Db, pollId: number, hidden: boolean): Promise<void> {
  await db.update(polls).set({ resultsHidden: hidden }).where(eq(polls.id, pollId));
}

/** The run's polls in the order they were created. */
export async function pollsForRun(db: Db, runId: number): Promise<PollRow[]> {
  const rows = await db.select().from(polls).where(eq(polls.runId, runId)).orderBy(asc(polls.id));
  return rows.map(toPoll);
}

/** The run's poll with this key, or null. */
export async function findPoll(db: Db, runId: number, pollKey: string): Promise<PollRow | null> {
  const [row] = await db
    .select()
    .from(polls)
    .where(and(eq(polls.runId, runId), eq(polls.pollKey, pollKey)));
  return row ? toPoll(row) : null;
}

/**
 * Replaces a poll's definition after a deck edit (see `applyDeckEdit`); returns the updated poll,
 * or null when `unanswered` was asked for and an answer exists by now (another process took one).
 */
export async function updatePollSpec(
  db: Db,
  pollId: number,
  change: { spec: PollSpec; slideIndex: number | null; resultsHidden?: boolean; unanswered?: boolean },
): Promise<PollRow | null> {
  const { spec, slideIndex, resultsHidden, unanswered } = change;
  const noAnswers = sql`not exists (select 1 from ${votes} where ${votes.pollId} = ${pollId})`;
  const [row] = await db
    .update(polls)
    .set({ spec, slideIndex, ...(resultsHidden === undefined ? {} : { resultsHidden }) })
    .where(unanswered ? and(eq(polls.id, pollId), noAnswers) : eq(polls.id, pollId))
    .returning();
  return row ? toPoll(row) : null;
}
