import type { Db } from '../../../db/client.js';
import { addPlayers, playersForRun, pollsForRun, quizAnswersForRun, type PollRow } from '../../../db/repo/index.js';
import { MAX_LEADERBOARD_TOP } from '../../../contract/limits.js';
import type { QuizPlayer, QuizStanding } from '../../../contract/quiz.js';
import { isShown, newPlayers, rightCounts, standings, type QuizQuestion, type RankedPlayer } from '../../domain/quiz.js';
import type { LiveTalk } from '../talks.js';

/** A run's quiz as computed once: the standing everyone gets, and each player's own place by device. */
export interface RunStanding {
  runId: number;
  /** Without `me`: what staff, the screen and phones that have not played get. */
  standing: QuizStanding;
  ranked: RankedPlayer[];
  byVoter: Map<string, RankedPlayer>;
  /** Right answers per shown question, by poll id. */
  right: Map<number, { answers: number; right: number }>;
}

const wire = ({ rank, name, score, right }: RankedPlayer): QuizPlayer => ({ rank, name, score, right });

/** A phone's own place as it crosses the wire. */
export const meOf = (p: RankedPlayer): NonNullable<QuizStanding['me']> => ({ ...wire(p), nickname: p.nickname });

export const toQuestion = (r: PollRow): QuizQuestion => ({ pollId: r.id, spec: r.spec, openedAt: r.openedAt, shownAt: r.correctShownAt });

/** The deck's quiz questions (by poll id) with the run's (an edit may have removed one the run kept). */
export function questionKeys(talk: LiveTalk, rows: readonly PollRow[]): Set<string> {
  const keys = new Set(talk.deck.slides.flatMap((s) => (s.poll?.correct?.length ? [s.poll.id] : [])));
  for (const r of rows) if (r.spec.correct?.length) keys.add(r.pollKey);
  return keys;
}

/**
 * Reads a run's quiz from the database and ranks it (three queries; one for a run without quiz
 * questions). Devices with a counted answer to a shown question that are not players yet become
 * players here, numbered in order of their first answer, in one batch: the vote path never writes
 * for the quiz, and a restart or a peer numbers the same devices the same way.
 */
export async function computeStanding(db: Db, talk: LiveTalk): Promise<RunStanding> {
  const runId = talk.run.id;
  const rows = await pollsForRun(db, runId);
  const keys = questionKeys(talk, rows);
  const questions = rows.filter((r) => r.spec.correct?.length).map(toQuestion);
  if (!keys.size) return { runId, standing: { top: [], players: 0, shown: 0, questions: 0 }, ranked: [], byVoter: new Map(), right: new Map() };
  const [answers, known] = await Promise.all([quizAnswersForRun(db, runId), playersForRun(db, runId)]);
  const fresh = newPlayers(questions, answers, known);
  const players = fresh.length ? (await addPlayers(db, runId, fresh), await playersForRun(db, runId)) : known;
  const ranked = standings(questions, answers, players);
  return {
    runId,
    standing: { top: ranked.slice(0, MAX_LEADERBOARD_TOP).map(wire), players: ranked.length, shown: questions.filter(isShown).length, questions: keys.size },
    ranked,
    byVoter: new Map(ranked.map((p) => [p.voterId, p])),
    right: rightCounts(questions, answers),
  };
}

/**
 * The standing of each talk's run, computed once and shared (a reconnect storm reads it once) until
 * `invalidate`: a reveal, a reset, a rename, a new run, or a peer's word that one happened.
 */
export function createStandingCache(db: Db) {
  const entries = new Map<string, { runId: number; value: Promise<RunStanding> }>();
  return {
    get(talk: LiveTalk): Promise<RunStanding> {
      const slug = talk.deck.slug;
      const cached = entries.get(slug);
      if (cached?.runId === talk.run.id) return cached.value;
      const value = computeStanding(db, talk);
      const entry = { runId: talk.run.id, value };
      entries.set(slug, entry);
      value.catch(() => entries.get(slug) === entry && entries.delete(slug));
      return value;
    },
    invalidate(slug: string) {
      entries.delete(slug);
    },
  };
}
