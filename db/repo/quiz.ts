import { asc, eq, sql } from 'drizzle-orm';
import type { AnswerStatus } from '../../contract/poll.js';
import type { Db } from '../client.js';
import { players, polls, votes } from '../schema/index.js';
import { findPoll, type PollRow } from './polls.js';

/** A quiz player of a run: its device, its number, its nickname (null: anonymous). */
export interface PlayerRow {
  voterId: string;
  number: number;
  nickname: string | null;
}

/** A stored answer to a quiz question of a run; `answeredAt` is when the server received it (epoch ms). */
export interface QuizAnswerRow {
  pollId: number;
  voterId: string;
  answer: unknown;
  status: AnswerStatus;
  answeredAt: number;
}

/** Thrown by `setNickname` when another player of the run has the name (whatever its letter case). */
export class NicknameTakenError extends Error {
  constructor() {
    super('nickname taken');
    this.name = 'NicknameTakenError';
  }
}

/** The unique constraint a Postgres error (pg or PGlite, maybe wrapped by drizzle) violated, if any. */
function violatedConstraint(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint, message } = e as { code?: unknown; constraint?: unknown; message?: unknown };
    if (code !== '23505') continue;
    if (typeof constraint === 'string') return constraint;
    const named = typeof message === 'string' ? /unique constraint "([^"]+)"/.exec(message) : null;
    return named?.[1] ?? '';
  }
  return undefined;
}

// pg_advisory_xact_lock(namespace, run id): the numbering of one run's players, one at a time
const PLAYER_NUMBERS_LOCK = 1_717;

/**
 * Runs `fn` holding the run's player-numbering lock (released at commit): "highest number + 1" is
 * only safe when no other connection (a burst of nicknames, another process's reveal) numbers the
 * same run at the same moment.
 */
function numbering<T>(db: Db, runId: number, fn: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${PLAYER_NUMBERS_LOCK}::int, ${runId}::int)`);
    return fn(tx as unknown as Db);
  });
}

/** The run's players by number. */
export async function playersForRun(db: Db, runId: number): Promise<PlayerRow[]> {
  return db
    .select({ voterId: players.voterId, number: players.number, nickname: players.nickname })
    .from(players)
    .where(eq(players.runId, runId))
    .orderBy(asc(players.number));
}

/**
 * Makes these devices players of the run, numbered after the highest number so far in the order
 * given, in one statement; devices already players keep their number.
 */
export async function addPlayers(db: Db, runId: number, voterIds: readonly string[]): Promise<void> {
  const unique = [...new Set(voterIds)];
  if (!unique.length) return;
  const ids = sql.param(unique);
  await numbering(db, runId, (tx) =>
    tx.execute(sql`
      with fresh as (
        select v, ord from unnest(${ids}::text[]) with ordinality as u(v, ord)
        where not exists (select 1 from ${players} p where p.run_id = ${runId} and p.voter_id = u.v)
      ), base as (select coalesce(max(number), 0) as n from ${players} where run_id = ${runId})
      insert into ${players} (run_id, voter_id, number)
      select ${runId}::int, v, base.n + row_number() over (order by ord) from fresh, base
      on conflict (run_id, voter_id) do nothing`),
  );
}

/**
 * Sets (or with null clears) a device's nickname in the run, making it a player (next number) if it
 * was not one; returns its number and nickname. Throws NicknameTakenError when another player of
 * the run has the name, whatever its letter case.
 */
export async function setNickname(db: Db, runId: number, voterId: string, nickname: string | null): Promise<PlayerRow> {
  try {
    return await numbering(db, runId, async (tx) => {
      const result = await tx.execute(sql`
        insert into ${players} (run_id, voter_id, number, nickname)
        select ${runId}::int, ${voterId}::text, coalesce(max(number), 0) + 1, ${nickname}::text from ${players} where run_id = ${runId}
        on conflict (run_id, voter_id) do update set nickname = excluded.nickname
        returning voter_id, number, nickname`);
      const row = (result as unknown as { rows: { voter_id: string; number: number; nickname: string | null }[] }).rows[0]!;
      return { voterId: row.voter_id, number: Number(row.number), nickname: row.nickname };
    });
  } catch (err) {
    if (violatedConstraint(err) === 'players_run_id_nickname_unique') throw new NicknameTakenError();
    throw err;
  }
}

/**
 * Every answer to the run's quiz questions (polls with right options), in one query, with when the
 * server received it (answers stored before that was kept: when they were last written).
 */
export async function quizAnswersForRun(db: Db, runId: number): Promise<QuizAnswerRow[]> {
  const rows = await db
    .select({
      pollId: votes.pollId,
      voterId: votes.voterId,
      answer: votes.answer,
      status: votes.status,
      answeredAt: sql<Date | string>`coalesce(${votes.answeredAt}, ${votes.updatedAt})`,
    })
    .from(votes)
    .innerJoin(polls, eq(polls.id, votes.pollId))
    .where(sql`${polls.runId} = ${runId} and ${polls.spec} -> 'correct' is not null`)
    .orderBy(asc(votes.id));
  return rows.map((r) => ({ ...r, answeredAt: new Date(r.answeredAt).getTime() }));
}

/** Stamps (or clears) when a quiz question's right answer was shown; returns the poll, or null if there is none. */
export async function setCorrectShown(db: Db, pollId: number, shown: boolean): Promise<PollRow | null> {
  const [row] = await db
    .update(polls)
    .set({ correctShownAt: shown ? sql`now()` : null })
    .where(eq(polls.id, pollId))
    .returning({ runId: polls.runId, pollKey: polls.pollKey });
  return row ? findPoll(db, row.runId, row.pollKey) : null;
}
