import type { Db } from '../../db/client.js';
import { listRuns, pollsForRun, questionsForRun, reactionsForRun, slideVisitsForRun, votesForPoll } from '../../db/repo/index.js';
import type { PollResultsExport, RunResults, TalkResults } from '../../contract/http.js';
import { toCsv } from '../domain/csv.js';
import { tally } from '../domain/poll.js';
import { countsInResults, resultsAccess } from '../domain/poll-visibility.js';
import { engagementTimeline } from '../domain/qa.js';
import { Role } from '../../contract/events.js';
import { pollView } from './polls/index.js';
import { questionView } from './qa.js';
import type { LiveTalk } from './talks.js';
import { createSingleFlight } from './single-flight.js';
import { runQuiz } from './quiz/results.js';

async function runResults(db: Db, talk: LiveTalk, run: Awaited<ReturnType<typeof listRuns>>[number], presenter: boolean): Promise<RunResults> {
  const [pollRows, questionRows, reactionRows, visits] = await Promise.all([
    pollsForRun(db, run.id),
    questionsForRun(db, run.id),
    reactionsForRun(db, run.id),
    slideVisitsForRun(db, run.id),
  ]);
  const quiz = await runQuiz(db, run.id, pollRows, presenter);
  const polls = await Promise.all(
    pollRows.map(async (pollRow) => {
      // a shown quiz question's view says how many got it right
      const right = pollRow.correctShownAt !== null ? quiz?.rightByPoll.get(pollRow.id) : undefined;
      const row = right === undefined ? pollRow : { ...pollRow, rightCount: right };
      const stored = await votesForPoll(db, row.id);
      // Held and hidden answers never count; only the key shows them, marked.
      const counted = stored.filter((v) => countsInResults(v.status)).map(({ answer, at }) => ({ answer, at }));
      const answers = presenter ? stored.map(({ answer, at, status }) => ({ answer, at, ...(countsInResults(status) ? {} : { status: status as 'held' | 'hidden' }) })) : counted;
      // Without the key this page sees what the keyless screen sees: of hidden results, only the count.
      if (resultsAccess({ role: presenter ? Role.presenter : Role.screen }, row) !== 'full') return { ...pollView(row), closedAt: row.closedAt, results: null, total: counted.length, answers: [] };
      return { ...pollView(row), closedAt: row.closedAt, results: tally(row.spec, counted), total: counted.length, answers };
    }),
  );
  const count = <T>(items: T[], slideOf: (x: T) => number | null, weight: (x: T) => number = () => 1) => {
    const m = new Map<number, number>();
    for (const x of items) {
      const s = slideOf(x);
      if (s !== null) m.set(s, (m.get(s) ?? 0) + weight(x));
    }
    return m;
  };
  const timeline = engagementTimeline({
    slideCount: talk.deck.slides.length,
    visits,
    end: run.endedAt ?? Date.now(),
    reactions: reactionRows,
    answersBySlide: count(polls, (p) => p.slide, (p) => p.total),
    questionsBySlide: count(questionRows, (q) => q.slideIndex),
  }).map((row) => {
    // without the key, a slide this run never showed keeps its title to itself (nothing read ahead)
    const seen = presenter || visits.some((v) => v.slideIndex === row.slide);
    return { ...row, title: seen ? (talk.deck.slides[row.slide]?.title ?? `Slide ${row.slide + 1}`) : `Slide ${row.slide + 1}` };
  });
  return {
    id: run.id,
    number: run.number,
    startedAt: run.startedAt,
    endedAt: run.endedAt,
    polls,
    questions: questionRows.filter((q) => presenter || q.status === 'approved').map((q) => questionView(q)),
    reactions: reactionRows.map((r) => ({ slide: r.slideIndex, kind: r.kind, count: r.count })),
    timeline,
    ...(quiz ? { quiz: quiz.results } : {}),
  };
}

/** Every run of the talk with its polls, questions, reactions and timeline. Voter ids never leave the database layer. */
export async function talkResults(db: Db, talk: LiveTalk, opts: { presenter: boolean }): Promise<TalkResults> {
  const runs = await listRuns(db, talk.talkId);
  return { slug: talk.deck.slug, title: talk.deck.title, runs: await Promise.all(runs.map((run) => runResults(db, talk, run, opts.presenter))) };
}

/** How long a run's results serve before they are read again: the run in progress, and one that ended. */
export const LIVE_RUN_MAX_AGE_MS = 1_000;
export const ENDED_RUN_MAX_AGE_MS = 10 * 60_000;

/**
 * Results for the HTTP endpoints, cached so that no number of readers can load the database:
 * the whole answer per talk and reader class at most once a second, each run on its own (the run
 * in progress at most once a second, an ended one — which no command changes — every ten minutes
 * or when the deck changes), runs read one after another so a slide change's query never queues
 * behind hundreds. Concurrent requests share one computation (single flight).
 */
export function createResults(db: Db, opts: { now?: () => number } = {}) {
  const talkCache = createSingleFlight<TalkResults>(opts.now);
  const runCache = createSingleFlight<RunResults>(opts.now);
  const csvCache = createSingleFlight<string>(opts.now);

  async function compute(talk: LiveTalk, presenter: boolean): Promise<TalkResults> {
    const runs: RunResults[] = [];
    for (const run of await listRuns(db, talk.talkId)) {
      const live = run.id === talk.run.id || run.endedAt === null;
      runs.push(
        await runCache.get(`${run.id}:${presenter}`, () => runResults(db, talk, run, presenter), {
          maxAgeMs: live ? LIVE_RUN_MAX_AGE_MS : ENDED_RUN_MAX_AGE_MS,
          version: talk.deck.hash,
        }),
      );
    }
    return { slug: talk.deck.slug, title: talk.deck.title, runs };
  }

  // a new run or a changed deck makes the cached answer stale at once
  const version = (talk: LiveTalk) => `${talk.deck.hash}:${talk.run.id}`;
  const results = (talk: LiveTalk, presenter: boolean) =>
    talkCache.get(`${talk.deck.slug}:${presenter}`, () => compute(talk, presenter), { maxAgeMs: LIVE_RUN_MAX_AGE_MS, version: version(talk) });

  return {
    /** Every run, as `talkResults`, at most a second old. */
    results,
    /** The complete CSV export (every answer: the presenter's download), at most a second old. */
    csv: (talk: LiveTalk, presenter: boolean) =>
      csvCache.get(`${talk.deck.slug}:${presenter}`, async () => resultsCsv(await results(talk, presenter)), { maxAgeMs: LIVE_RUN_MAX_AGE_MS, version: version(talk) }),
    /** Something changed in an ended run (a moderator hid an answer): read it again on the next request. */
    forget() {
      talkCache.forget();
      runCache.forget();
      csvCache.forget();
    },
  };
}

export type Results = ReturnType<typeof createResults>;

/** Each poll's `answers` cut to the first `limit`, with `answersNext` (the offset to go on from) where some were left out. */
export function withAnswerPages(results: TalkResults, limit: number): TalkResults {
  return {
    ...results,
    runs: results.runs.map((run) => ({
      ...run,
      polls: run.polls.map((poll) =>
        poll.answers.length <= limit ? poll : { ...poll, answers: poll.answers.slice(0, limit), answersNext: String(limit) },
      ),
    })),
  };
}

/** One page of a poll's answers from `cursor` (an offset from `answersNext` or an earlier page). */
export function answerPage(answers: PollResultsExport['answers'], cursor: number, limit: number): { answers: PollResultsExport['answers']; next?: string } {
  const page = answers.slice(cursor, cursor + limit);
  return cursor + limit < answers.length ? { answers: page, next: String(cursor + limit) } : { answers: page };
}

const answerText = (answer: unknown) => (Array.isArray(answer) ? answer.join('; ') : typeof answer === 'number' ? answer : String(answer));
const iso = (ms: number) => new Date(ms).toISOString();

/** One row per answer, per question and per slide's reaction kind — never a voter. */
export function resultsCsv(results: TalkResults): string {
  const rows = results.runs.flatMap((run) => {
    const started = iso(run.startedAt);
    return [
      ...run.polls.flatMap((poll) =>
        // a held or hidden answer (in the presenter's export only) counts 0, its status in the type column
        poll.answers.map((a) => [run.number, started, 'answer', poll.slide === null ? '' : poll.slide + 1, poll.id, poll.question, a.status ? `${poll.type}, ${a.status}` : poll.type, answerText(a.answer), a.status ? 0 : 1, iso(a.at)]),
      ),
      ...run.questions.map((q) => [run.number, started, 'question', q.slide + 1, '', q.text, q.status + (q.answered ? ', answered' : ''), q.name ?? '', q.votes, iso(q.at)]),
      ...run.reactions.map((r) => [run.number, started, 'reaction', r.slide + 1, '', '', '', r.kind, r.count, '']),
    ];
  });
  return toCsv(['run', 'run_started_at', 'kind', 'slide', 'poll', 'question', 'type', 'answer', 'count', 'at'], rows);
}
