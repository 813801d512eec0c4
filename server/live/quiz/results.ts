import type { Db } from '../../../db/client.js';
import { playersForRun, quizAnswersForRun, type PollRow } from '../../../db/repo/index.js';
import { DEFAULT_QUIZ_POINTS } from '../../../contract/limits.js';
import type { QuizResults } from '../../../contract/quiz.js';
import { toCsv } from '../../domain/csv.js';
import { isRight, scoreAnswer, standings } from '../../domain/quiz.js';
import { toQuestion } from './standings.js';

/** A run's quiz for the results: players best first, the questions with their right counts, and each player's points per question. */
export interface RunQuiz {
  results: QuizResults;
  /** Points per player (same order as results.players) per question (same order as results.questions). */
  points: number[][];
  /** Right counts by poll id (the poll views of the results carry them). */
  rightByPoll: Map<number, number>;
}

/**
 * Reads and scores a run's quiz (two queries; none for a run without quiz questions). Without the
 * key only questions whose answer was shown are listed (their right options are public by then);
 * scores count only those anyway. Read only: devices not yet numbered (no reveal yet) are left out.
 */
export async function runQuiz(db: Db, runId: number, rows: readonly PollRow[], presenter: boolean): Promise<RunQuiz | undefined> {
  const quizRows = rows.filter((r) => r.spec.correct?.length);
  if (!quizRows.length) return undefined;
  const [answers, players] = await Promise.all([quizAnswersForRun(db, runId), playersForRun(db, runId)]);
  const questions = quizRows.map(toQuestion);
  const ranked = standings(questions, answers, players);
  const listed = quizRows.filter((r) => presenter || r.correctShownAt !== null);
  const counted = answers.filter((a) => a.status === 'visible');
  const rightByPoll = new Map<number, number>();
  const listedQuestions = listed.map((r) => {
    const mine = counted.filter((a) => a.pollId === r.id);
    const right = mine.filter((a) => isRight(r.spec, a.answer)).length;
    rightByPoll.set(r.id, right);
    return { poll: r.pollKey, question: r.question, correct: r.spec.correct!, points: r.spec.points ?? DEFAULT_QUIZ_POINTS, answers: mine.length, right };
  });
  const byKey = new Map(counted.map((a) => [`${a.pollId}\u0000${a.voterId}`, a]));
  const points = ranked.map((p) =>
    listed.map((r) => {
      const a = r.correctShownAt !== null ? byKey.get(`${r.id}\u0000${p.voterId}`) : undefined;
      return a ? scoreAnswer(r.spec, a.answer, a.answeredAt, r.openedAt) : 0;
    }),
  );
  return {
    results: { players: ranked.map(({ rank, name, score, right }) => ({ rank, name, score, right })), questions: listedQuestions },
    points,
    rightByPoll,
  };
}

/** The scores CSV of a run: one row per player (rank, name, total, right answers, points per question) — never a device id. */
export function quizCsv(run: number, quiz: RunQuiz | undefined): string {
  const questions = quiz?.results.questions ?? [];
  const rows = (quiz?.results.players ?? []).map((p, i) => [run, p.rank, p.name, p.score, p.right, ...quiz!.points[i]!]);
  return toCsv(['run', 'rank', 'name', 'score', 'right', ...questions.map((q) => `points: ${q.poll}`)], rows);
}
