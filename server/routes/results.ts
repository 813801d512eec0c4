import { Hono } from 'hono';
import type { Db } from '../../db/client.js';
import { resultsCsv, talkResults } from '../live/results.js';
import type { Talks } from '../live/talks.js';
import { presenterAuth, type PresenterAuthOptions } from '../middleware/presenter-auth.js';

/**
 * `/api/talks/:slug/results` as JSON and CSV: every run, kept after the talk. Without the presenter
 * key, results still hidden and questions that were never approved are left out.
 */
export function resultsRoutes(deps: { talks: Talks; db: Db; auth: PresenterAuthOptions }) {
  const { talks, db } = deps;
  // Public, like a shared results page; the presenter key adds what the room was not shown.
  const who = presenterAuth(deps.auth);
  return new Hono()
    .get('/:slug/results', who, async (c) => c.json(await talkResults(db, talks.require(c.req.param('slug')), { presenter: c.get('presenter') })))
    .get('/:slug/results.csv', who, async (c) => {
      const talk = talks.require(c.req.param('slug'));
      const csv = resultsCsv(await talkResults(db, talk, { presenter: c.get('presenter') }));
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${talk.deck.slug}-results.csv"`);
      return c.body(csv);
    });
}
