import { Hono } from 'hono';
import type { AnswerPage } from '../../contract/http.js';
import { AnswerPageQuerySchema, ResultsQuerySchema } from '../../contract/schemas.js';
import type { Db } from '../../db/client.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { answerPage, createResults, withAnswerPages } from '../live/results.js';
import { createSingleFlight } from '../live/single-flight.js';
import { quizCsv, runQuiz } from '../live/quiz/results.js';
import { listRuns, pollsForRun } from '../../db/repo/index.js';
import { z } from 'zod';
import type { Talks } from '../live/talks.js';
import { presenterAuth, type PresenterAuthOptions } from '../middleware/presenter-auth.js';
import { encode, pickEncoding } from '../middleware/compression.js';
import type { Context } from 'hono';
import type { TalkResults } from '../../contract/http.js';

/**
 * The bytes of each answer, kept while its results are (the cache hands out the same object for
 * up to a second): ten readers polling a talk of 3,000 answers cost one serialisation and one
 * compression a second, not one per request, so they cannot slow the slides down.
 */
const bodies = new WeakMap<TalkResults, Map<string, Promise<{ bytes: Uint8Array; encoding?: string }>>>();

async function sendKept(c: Context, source: TalkResults, variant: string, contentType: string, make: () => string | Promise<string>): Promise<Response> {
  const encoding = pickEncoding(c.req.header('Accept-Encoding'));
  let kept = bodies.get(source);
  if (!kept) bodies.set(source, (kept = new Map()));
  const key = `${variant} ${encoding ?? 'identity'}`;
  let body = kept.get(key);
  if (!body) {
    body = (async () => {
      const raw = new TextEncoder().encode(await make());
      return encoding && raw.byteLength >= 1024 ? { bytes: new Uint8Array(await encode(raw, encoding, false)), encoding } : { bytes: raw };
    })();
    kept.set(key, body);
    body.catch(() => kept.delete(key));
  }
  const { bytes, encoding: used } = await body;
  c.header('Content-Type', contentType);
  c.header('Vary', 'Accept-Encoding');
  if (used) c.header('Content-Encoding', used);
  return c.body(bytes as Uint8Array<ArrayBuffer>);
}

/** `?run=N` on the quiz CSV: a run by its number (1, 2 …); absent: the talk's current run. */
const QuizCsvQuerySchema = z.object({
  run: z.coerce.number({ error: 'run must be a run number (1, 2 …)' }).int().positive('run must be a run number (1, 2 …)').optional(),
});

/**
 * `/api/talks/:slug/results` as JSON and CSV: every run, kept after the talk. Without the presenter
 * key, results still hidden and questions that were never approved are left out. Both read from
 * one cache (live/results.ts): however many readers, the database is read at most once a second.
 * The JSON carries up to `?limit=` answers per poll (default 200, at most 2,000), the rest page by
 * page from `/results/answers`; the CSV is the complete export, built once a second at most.
 */
export function resultsRoutes(deps: { talks: Talks; db: Db; auth: PresenterAuthOptions }) {
  const { talks } = deps;
  const results = createResults(deps.db);
  // the scores CSV of a run: built at most once a second per run, whatever the number of downloads
  const quizCsvs = createSingleFlight<string>();
  // Public, like a shared results page; the presenter key adds what the room was not shown.
  const who = presenterAuth(deps.auth);
  return new Hono()
    .get('/:slug/results', who, async (c) => {
      const { limit } = ResultsQuerySchema.parse(c.req.query());
      const all = await results.results(talks.require(c.req.param('slug')), c.get('presenter'));
      return sendKept(c, all, `json ${limit}`, 'application/json; charset=utf-8', () => JSON.stringify(withAnswerPages(all, limit)));
    })
    .get('/:slug/results/answers', who, async (c) => {
      const q = AnswerPageQuerySchema.parse(c.req.query());
      const all = await results.results(talks.require(c.req.param('slug')), c.get('presenter'));
      const poll = all.runs.find((r) => r.id === q.run)?.polls.find((p) => p.id === q.poll);
      if (!poll) throw new LecternError(ErrorCode.notFound, `Run ${q.run} of this talk has no poll "${q.poll}".`);
      return c.json(answerPage(poll.answers, q.cursor, q.limit) satisfies AnswerPage);
    })
    .get('/:slug/results/quiz.csv', who, async (c) => {
      const talk = talks.require(c.req.param('slug'));
      const { run: number } = QuizCsvQuerySchema.parse(c.req.query());
      const run = number === undefined ? (await listRuns(deps.db, talk.talkId)).find((r) => r.id === talk.run.id) : (await listRuns(deps.db, talk.talkId)).find((r) => r.number === number);
      if (!run) throw new LecternError(ErrorCode.notFound, `This talk has no run ${number}.`);
      const presenter = c.get('presenter');
      const csv = await quizCsvs.get(`${run.id}:${presenter}`, async () => quizCsv(run.number, await runQuiz(deps.db, run.id, await pollsForRun(deps.db, run.id), presenter)), { maxAgeMs: 1_000 });
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${talk.deck.slug}-run-${run.number}-quiz.csv"`);
      return c.body(csv);
    })
    .get('/:slug/results.csv', who, async (c) => {
      const talk = talks.require(c.req.param('slug'));
      const presenter = c.get('presenter');
      c.header('Content-Disposition', `attachment; filename="${talk.deck.slug}-results.csv"`);
      return sendKept(c, await results.results(talk, presenter), 'csv', 'text/csv; charset=utf-8', () => results.csv(talk, presenter));
    });
}
