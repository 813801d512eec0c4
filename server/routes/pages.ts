import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { contentTypeFor, resolveAsset } from '../deck/index.js';
import type { Talks } from '../live/talks.js';

const PAGES = { index: 'index.html', audience: 'audience.html', screen: 'screen.html', present: 'present.html', results: 'results.html' } as const;
type Page = keyof typeof PAGES;

/** The built client pages, the talk's images, and the static bundle under /_app. */
export function pageRoutes(deps: { talks: Talks; clientDir: string }) {
  const { talks, clientDir } = deps;
  const cache = new Map<Page, string>();

  async function page(c: Context, name: Page) {
    let html = cache.get(name);
    if (html === undefined) {
      try {
        html = await readFile(join(clientDir, PAGES[name]), 'utf8');
      } catch {
        return c.text('The web client is not built yet: run `npm run build`, then reload.', 503);
      }
      cache.set(name, html);
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(html);
  }

  const notFound = (c: Context, slug: string) =>
    c.text(`There is no talk "${slug}" here. The talks: ${talks.list().map((t) => '/' + t.deck.slug).join(', ')}`, 404);

  return new Hono()
    .use(
      '/_app/*',
      serveStatic({
        root: clientDir,
        onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    )
    .get('/', (c) => {
      const all = talks.list();
      if (all.length === 1) return c.redirect(`/${all[0]!.deck.slug}`);
      return page(c, 'index');
    })
    .get('/:slug/assets/*', async (c) => {
      const talk = talks.get(c.req.param('slug'));
      if (!talk) return notFound(c, c.req.param('slug'));
      const rest = c.req.path.slice(`/${talk.deck.slug}/assets/`.length);
      const file = resolveAsset(talk.deck, rest);
      if (!file) return c.text(`No image "${decodeURIComponent(rest)}" in this talk.`, 404);
      c.header('Content-Type', contentTypeFor(file));
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(new Uint8Array(await readFile(file)));
    })
    .get('/:slug{[a-z0-9-]+}', (c) => (talks.get(c.req.param('slug')) ? page(c, 'audience') : notFound(c, c.req.param('slug'))))
    .get('/:slug{[a-z0-9-]+}/screen', (c) => (talks.get(c.req.param('slug')) ? page(c, 'screen') : notFound(c, c.req.param('slug'))))
    .get('/:slug{[a-z0-9-]+}/present', (c) => (talks.get(c.req.param('slug')) ? page(c, 'present') : notFound(c, c.req.param('slug'))))
    .get('/:slug{[a-z0-9-]+}/results', (c) => (talks.get(c.req.param('slug')) ? page(c, 'results') : notFound(c, c.req.param('slug'))));
}
