import { Hono } from 'hono';
import type { Db } from '../../db/client.js';
import { resultsCsv, talkResults } from '../live/results.js';
import type { Talks } from '../live/talks.js';

/** `/api/talks/:slug/results` as JSON and CSV: every run, kept after the talk. */
export function resultsRoutes(deps: { talks: Talks; db: Db }) {
  const { talks, db } = deps;
  return new Hono()
    .get('/:slug/results', async (c) => c.json(await talkResults(db, talks.require(c.req.param('slug')))))
    .get('/:slug/results.csv', async (c) => {
      const talk = talks.require(c.req.param('slug'));
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${talk.deck.slug}-results.csv"`);
      return c.body(resultsCsv(await talkResults(db, talk)));
    });
}
