import { Hono } from 'hono';
import { NewPollSchema, PollTimerSchema } from '../../contract/schemas.js';
import { pollSpecFrom } from '../deck/index.js';
import type { Polls } from '../live/polls/index.js';
import type { Talks } from '../live/talks.js';
import { presenterAuth, type PresenterAuthOptions } from '../middleware/presenter-auth.js';
import { jsonBody } from './errors.js';

/** Poll control over HTTP, for scripts and remotes: the same operations as the socket commands. */
export function pollRoutes(deps: { talks: Talks; polls: Polls; auth: PresenterAuthOptions }) {
  const { talks, polls } = deps;
  const slugOf = (slug: string) => talks.require(slug).deck.slug;
  const control = presenterAuth({ ...deps.auth, required: true });
  return new Hono()
    .post('/:slug/polls', control, async (c) => {
      const slug = slugOf(c.req.param('slug'));
      const spec = pollSpecFrom(NewPollSchema.parse(await jsonBody(c)));
      return c.json(await polls.create(slug, spec), 201);
    })
    .post('/:slug/polls/:poll/open', control, async (c) => c.json(await polls.open(slugOf(c.req.param('slug')), c.req.param('poll'))))
    .post('/:slug/polls/:poll/close', control, async (c) => c.json(await polls.close(slugOf(c.req.param('slug')), c.req.param('poll'))))
    .post('/:slug/polls/:poll/reveal', control, async (c) => c.json(await polls.reveal(slugOf(c.req.param('slug')), c.req.param('poll'), true)))
    .post('/:slug/polls/:poll/hide', control, async (c) => c.json(await polls.reveal(slugOf(c.req.param('slug')), c.req.param('poll'), false)))
    .post('/:slug/polls/:poll/timer', control, async (c) => {
      const { poll: _poll, ...change } = PollTimerSchema.parse({ ...((await jsonBody(c)) as object), poll: c.req.param('poll') });
      return c.json(await polls.timer(slugOf(c.req.param('slug')), c.req.param('poll'), change));
    })
    .post('/:slug/polls/:poll/reset', control, async (c) => c.json(await polls.reset(slugOf(c.req.param('slug')), c.req.param('poll'))));
}
