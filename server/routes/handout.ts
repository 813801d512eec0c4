import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Hono, type Context } from 'hono';
import type { Handout } from '../../contract/http.js';
import { HandoutQuerySchema } from '../../contract/schemas.js';
import type { Db } from '../../db/client.js';
import { listRuns, slideVisitsForRun, type Run } from '../../db/repo/index.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { HANDOUT_CLOSED_MESSAGE, handoutNotes, handoutOpen, handoutSlides } from '../domain/handout.js';
import { createResults } from '../live/results.js';
import { runInfo, talkInfo, type LiveTalk, type Talks } from '../live/talks.js';
import { presenterAuth, type PresenterAuthOptions } from '../middleware/presenter-auth.js';

/** The run `?run=N` names (an earlier delivery), or the talk's latest; `not_found` for a number it never had. */
async function pickRun(db: Db, talk: LiveTalk, number: number | undefined): Promise<Run> {
  if (number === undefined || number === talk.run.number) return talk.run;
  const run = (await listRuns(db, talk.talkId)).find((r) => r.number === number);
  if (!run) throw new LecternError(ErrorCode.notFound, `This talk has no run ${number}; it has been given ${talk.run.number} ${talk.run.number === 1 ? 'time' : 'times'}.`);
  return run;
}

/**
 * `/:slug/handout` (the page) and `/api/talks/:slug/handout` (what it reads): the slides a run
 * showed, whole, in the deck's theme, with the run's poll results. Everyone may read it once the run
 * ended (at once with `preview: all`); before that the API refuses without the presenter key and
 * the page answers 403 (it still loads, so the presenter's console key can preview it).
 */
export function handoutRoutes(deps: { talks: Talks; db: Db; auth: PresenterAuthOptions; clientDir: string }) {
  const { talks, db } = deps;
  // its own results cache: the handout's readers never hold up the results page's
  const results = createResults(db);
  let pageHtml: string | undefined;

  /** The slides the run showed: for the run in progress what the talk holds (moves not yet written too), else its visits. */
  async function shownIn(talk: LiveTalk, run: Run): Promise<ReadonlySet<number>> {
    if (run.id === talk.run.id) return talks.shownSoFar(talk.deck.slug).slides;
    return new Set([...(await slideVisitsForRun(db, run.id)).map((v) => v.slideIndex), run.currentSlide]);
  }

  async function handout(talk: LiveTalk, run: Run): Promise<Handout> {
    const { deck } = talk;
    const preview = deck.preview ?? 'shown';
    const slides = handoutSlides(deck.slides, { shown: await shownIn(talk, run), preview, notes: handoutNotes(deck.meta) });
    const onSlides = new Set(slides.map((s) => s.index));
    // results as the room may see them (hidden ones stay hidden, even in the presenter's preview); no answer lists
    const all = await results.results(talk, false);
    const polls = (all.runs.find((r) => r.id === run.id)?.polls ?? [])
      .filter((p) => p.slide !== null && onSlides.has(p.slide))
      .map(({ answersNext: _next, ...p }) => ({ ...p, answers: [] }));
    return { talk: talkInfo(deck), run: runInfo(run), open: handoutOpen({ presenter: false, preview }, run), notes: handoutNotes(deck.meta), slides, polls };
  }

  async function page(c: Context, status: 200 | 403) {
    if (pageHtml === undefined) {
      try {
        pageHtml = await readFile(join(deps.clientDir, 'handout.html'), 'utf8');
      } catch {
        return status === 403 ? c.text(HANDOUT_CLOSED_MESSAGE, 403) : c.text('The web client is not built yet: run `npm run build`, then reload.', 503);
      }
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(pageHtml, status);
  }

  const api = new Hono().get('/:slug/handout', presenterAuth(deps.auth), async (c) => {
    const talk = talks.require(c.req.param('slug'));
    const { run: number } = HandoutQuerySchema.parse(c.req.query());
    const run = await pickRun(db, talk, number);
    if (!handoutOpen({ presenter: c.get('presenter'), preview: talk.deck.preview ?? 'shown' }, run)) throw new LecternError(ErrorCode.forbidden, HANDOUT_CLOSED_MESSAGE);
    c.header('Cache-Control', 'no-store');
    return c.json(await handout(talk, run));
  });

  // A navigation carries no key: a closed handout answers 403 (a real error for links and crawlers),
  // and the same page, which asks the API with the presenter's stored key and says why it is closed.
  const pageRoute = new Hono().get('/:slug{[a-z0-9-]+}/handout', async (c) => {
    const talk = talks.get(c.req.param('slug'));
    if (!talk) return c.text(`There is no talk "${c.req.param('slug')}" here.`, 404);
    const query = HandoutQuerySchema.safeParse(c.req.query());
    const run = query.success ? await pickRun(db, talk, query.data.run).catch(() => talk.run) : talk.run;
    return page(c, handoutOpen({ presenter: false, preview: talk.deck.preview ?? 'shown' }, run) ? 200 : 403);
  });

  return { api, page: pageRoute };
}
