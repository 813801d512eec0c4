import type { Db } from '../../db/client.js';
import { listRuns, pollsForRun, votesForPoll } from '../../db/repo/index.js';
import { toCsv } from '../domain/csv.js';
import { tally, type PollResults } from '../domain/poll.js';
import type { PollView } from '../contract/events.js';
import { pollView } from './polls.js';
import type { LiveTalk } from './talks.js';

export interface PollResultsExport extends PollView {
  openedAt: number | null;
  closedAt: number | null;
  results: PollResults;
  /** Every answer in arrival order, without who gave it. */
  answers: { answer: unknown; at: number }[];
}

export interface TalkResults {
  slug: string;
  title: string;
  runs: { id: number; number: number; startedAt: number; endedAt: number | null; polls: PollResultsExport[] }[];
}

/** Every run of the talk with its polls, tallies and answers. Voter ids never leave the database layer. */
export async function talkResults(db: Db, talk: LiveTalk): Promise<TalkResults> {
  const runs = await listRuns(db, talk.talkId);
  return {
    slug: talk.deck.slug,
    title: talk.deck.title,
    runs: await Promise.all(
      runs.map(async (run) => ({
        id: run.id,
        number: run.number,
        startedAt: run.startedAt,
        endedAt: run.endedAt,
        polls: await Promise.all(
          (await pollsForRun(db, run.id)).map(async (row) => {
            const answers = (await votesForPoll(db, row.id)).map(({ answer, at }) => ({ answer, at }));
            return { ...pollView(row), openedAt: row.openedAt, closedAt: row.closedAt, results: tally(row.spec, answers), answers };
          }),
        ),
      })),
    ),
  };
}

const answerText = (answer: unknown) => (Array.isArray(answer) ? answer.join('; ') : typeof answer === 'number' ? answer : String(answer));

/** One row per answer: run, poll, question, answer, time — never the voter. */
export function resultsCsv(results: TalkResults): string {
  const rows = results.runs.flatMap((run) =>
    run.polls.flatMap((poll) =>
      poll.answers.map((a) => [run.number, new Date(run.startedAt).toISOString(), poll.id, poll.question, poll.type, answerText(a.answer), new Date(a.at).toISOString()]),
    ),
  );
  return toCsv(['run', 'run_started_at', 'poll', 'question', 'type', 'answer', 'answered_at'], rows);
}
