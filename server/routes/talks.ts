import { Hono } from 'hono';
import type { TalkDetails, TalkSummary } from '../../contract/http.js';
import { GotoSchema } from '../../contract/schemas.js';
import type { BrokenDeck } from '../deck/index.js';
import type { Talks } from '../live/talks.js';
import { runInfo, talkInfo } from '../live/talks.js';
import { slidesFor } from '../domain/reveal.js';
import { presenterAuth, type PresenterAuthOptions } from '../middleware/presenter-auth.js';
import { jsonBody } from './errors.js';

/** `/api/talks`: metadata and slides for every view, and slide control for clickers and scripts. */
export function talksRoutes(deps: { talks: Talks; auth: PresenterAuthOptions; publicUrl?: string; brokenDecks?: readonly BrokenDeck[] }) {
  const { talks } = deps;
  const control = presenterAuth({ ...deps.auth, required: true });

  return new Hono()
    .get('/', (c) =>
      c.json({
        talks: [
          ...talks.list().map(({ deck, run }) => ({
            slug: deck.slug,
            title: deck.title,
            slideCount: deck.slides.length,
            current: run.currentSlide,
          })),
          // what the speaker sees instead of a missing talk: which file, and why (no path)
          ...(deps.brokenDecks ?? []).map((deck) => ({ slug: '', title: deck.name, slideCount: 0, current: 0, broken: deck.problem })),
        ] satisfies TalkSummary[],
      }),
    )
    .get('/:slug', presenterAuth(deps.auth), (c) => {
      const { deck, run } = talks.require(c.req.param('slug'));
      const withNotes = c.get('presenter');
      return c.json({
        // the same talk info the sockets get in `state`
        ...talkInfo(deck),
        current: run.currentSlide,
        // Where phones join (QR code, short address); the page's own origin when unset.
        ...(deps.publicUrl ? { publicUrl: deps.publicUrl } : {}),
        run: runInfo(run),
        // without the key: only what this run has shown, never what comes next
        slides: slidesFor(deck.slides, { presenter: withNotes, preview: deck.preview ?? 'shown', shown: talks.shownSoFar(deck.slug) }),
        ...(withNotes && deck.dropped.length ? { dropped: deck.dropped } : {}),
        // the planned length, for the presenter's countdown and pace (never to a keyless reader)
        ...(withNotes && deck.duration !== undefined ? { duration: deck.duration } : {}),
      } satisfies TalkDetails);
    })
    .post('/:slug/slide', control, async (c) => {
      const slug = c.req.param('slug');
      talks.require(slug);
      const { index, step } = GotoSchema.parse(await jsonBody(c));
      return c.json(await talks.move(slug, { kind: 'goto', index, ...(step === undefined ? {} : { step }) }));
    })
    .post('/:slug/next', control, async (c) => c.json(await talks.move(c.req.param('slug'), { kind: 'next' })))
    .post('/:slug/prev', control, async (c) => c.json(await talks.move(c.req.param('slug'), { kind: 'prev' })))
    .post('/:slug/runs', control, async (c) => c.json(await talks.startRun(c.req.param('slug')), 201))
    // the talk is over: its handout opens to everyone (see routes/handout.ts)
    .post('/:slug/end', control, async (c) => c.json(await talks.endRun(c.req.param('slug'))));
}
