import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client.js';
import { questions, questionVotes, type QuestionStatus } from '../schema/index.js';

/** A question with its upvote count. Times are epoch ms; the asker's voter id stays here. */
export interface QuestionRow {
  id: number;
  runId: number;
  slideIndex: number;
  displayName: string | null;
  text: string;
  status: QuestionStatus;
  answered: boolean;
  pinned: boolean;
  createdAt: number;
  votes: number;
  /** The asking device: used to show a phone its own pending question, never exported. */
  voterId: string;
}

const votesOf = sql<number>`(select count(*)::int from ${questionVotes} where ${questionVotes.questionId} = ${questions.id})`;
const columns = {
  id: questions.id,
  runId: questions.runId,
  slideIndex: questions.slideIndex,
  displayName: questions.displayName,
  text: questions.text,
  status: questions.status,
  answered: questions.answered,
  pinned: questions.pinned,
  createdAt: questions.createdAt,
  voterId: questions.voterId,
  votes: votesOf,
};
const toRow = (r: { createdAt: Date; votes: number | string } & Omit<QuestionRow, 'createdAt' | 'votes'>): QuestionRow => ({
  ...r,
  createdAt: r.createdAt.getTime(),
  votes: Number(r.votes),
});

/** Stores a new question. */
export async function insertQuestion(
  db: Db,
  q: { runId: number; slideIndex: number; voterId: string; displayName: string | null; text: string; status: QuestionStatus },
): Promise<QuestionRow> {
  const [row] = await db.insert(questions).values(q).returning({ id: questions.id });
  return (await findQuestion(db, row!.id))!;
}

/** One question with its votes, or null. */
export async function findQuestion(db: Db, id: number): Promise<QuestionRow | null> {
  const [row] = await db.select(columns).from(questions).where(eq(questions.id, id)).limit(1);
  return row ? toRow(row) : null;
}

/** The questions with these ids that exist, oldest first: one statement for a batch of changes. */
export async function questionsByIds(db: Db, ids: readonly number[]): Promise<QuestionRow[]> {
  if (!ids.length) return [];
  const rows = await db.select(columns).from(questions).where(inArray(questions.id, [...ids])).orderBy(asc(questions.id));
  return rows.map(toRow);
}

/** How many questions one device has stored in a run (any status). */
export async function countQuestionsBy(db: Db, runId: number, voterId: string): Promise<number> {
  return db.$count(questions, and(eq(questions.runId, runId), eq(questions.voterId, voterId)));
}

/** Every question of a run, oldest first. */
export async function questionsForRun(db: Db, runId: number): Promise<QuestionRow[]> {
  const rows = await db.select(columns).from(questions).where(eq(questions.runId, runId)).orderBy(asc(questions.id));
  return rows.map(toRow);
}

/** Changes moderation state; pinning one question unpins the others of its run (one on screen at a time). */
export async function updateQuestion(
  db: Db,
  id: number,
  patch: Partial<{ status: QuestionStatus; answered: boolean; pinned: boolean }>,
): Promise<QuestionRow | null> {
  await db.transaction(async (tx) => {
    if (patch.pinned) {
      const [q] = await tx.select({ runId: questions.runId }).from(questions).where(eq(questions.id, id));
      if (q) await tx.update(questions).set({ pinned: false }).where(and(eq(questions.runId, q.runId), eq(questions.pinned, true)));
    }
    await tx.update(questions).set({ ...patch, updatedAt: sql`now()` }).where(eq(questions.id, id));
  });
  return findQuestion(db, id);
}

/** Adds or withdraws one voter's upvote (idempotent either way); returns the new count. */
export async function setUpvote(db: Db, questionId: number, voterId: string, up: boolean): Promise<number> {
  if (up) await db.insert(questionVotes).values({ questionId, voterId }).onConflictDoNothing();
  else await db.delete(questionVotes).where(and(eq(questionVotes.questionId, questionId), eq(questionVotes.voterId, voterId)));
  const [row] = await db.select({ n: count() }).from(questionVotes).where(eq(questionVotes.questionId, questionId));
  return Number(row?.n ?? 0);
}

/** The questions of a run each of these voters has upvoted, in one query (absent: none). */
export async function upvotedByMany(db: Db, runId: number, voterIds: readonly string[]): Promise<Map<string, number[]>> {
  const byVoter = new Map<string, number[]>();
  if (voterIds.length === 0) return byVoter;
  const rows = await db
    .select({ id: questionVotes.questionId, voter: questionVotes.voterId })
    .from(questionVotes)
    .innerJoin(questions, eq(questions.id, questionVotes.questionId))
    .where(and(eq(questions.runId, runId), inArray(questionVotes.voterId, [...voterIds])));
  for (const row of rows) byVoter.set(row.voter, [...(byVoter.get(row.voter) ?? []), row.id]);
  return byVoter;
}

