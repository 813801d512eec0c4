import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type Context } from 'hono';
import { contentTypeFor, isReferenced, resolveAsset } from '../deck/index.js';
import { ErrorCode } from '../domain/errors.js';
import { errorBody } from './errors.js';
import type { Talks } from '../live/talks.js';

const PAGES = { index: 'index.html', audience: 'audience.html', screen: 'screen.html', present: 'present.html', results: 'results.html' } as const;
type Page = keyof typeof PAGES;

/** A URL path segment decoded, or null when its percent-encoding is malformed. */
function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Lectern's icon, for clients that ask for /favicon.ico without reading the page's <link rel=icon>. */
const FAVICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#2f5fd0"/><path d="M18 14h28v6H35v30h-6V20H18z" fill="#fff"/><rect x="14" y="50" width="36" height="5" rx="2.5" fill="#fff"/></svg>';

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
    .get('/favicon.ico', (c) => {
      c.header('Content-Type', 'image/svg+xml');
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(FAVICON);
    })
    .get('/', (c) => {
      const all = talks.list();
      if (all.length === 1) return c.redirect(`/${all[0]!.deck.slug}`);
      return page(c, 'index');
    })
    .get('/:slug/assets/*', async (c) => {
      const talk = talks.get(c.req.param('slug'));
      if (!talk) return notFound(c, c.req.param('slug'));
      const { deck } = talk;
      // the path as sent (c.req.path is decoded already): decoded here exactly once
      const raw = new URL(c.req.url).pathname.slice(`/${deck.slug}/assets/`.length);
      const rel = safeDecode(raw);
      if (rel === null) return c.json(errorBody(ErrorCode.badRequest, 'The file name in this address is not valid percent-encoding.'), 400);
      // Only what the deck refers to: a missing file and an unreferenced one get the same answer.
      const missing = () => c.text(`No file "${rel}" in this talk.`, 404);
      if (!isReferenced(deck, rel)) return missing();
      if (deck.stylesheet && rel === deck.stylesheet) {
        const css = await readFile(join(deck.dir, deck.stylesheet)).catch(() => null);
        // removed since the deck was loaded: the slides use the theme alone
        if (!css) return missing();
        c.header('Content-Type', 'text/css; charset=utf-8');
        c.header('Cache-Control', 'public, max-age=300');
        return c.body(new Uint8Array(css));
      }
      const file = resolveAsset(deck, encodeURIComponent(rel));
      const bytes = file ? await readFile(file).catch(() => null) : null;
      if (!file || !bytes) return missing();
      c.header('Content-Type', contentTypeFor(file));
      c.header('Cache-Control', 'public, max-age=300');
      return c.body(new Uint8Array(bytes));
    })
    .get('/:slug{[a-z0-9-]+}', (c) => (talks.get(c.req.param('slug')) ? page(c, 'audience') : notFound(c, c.req.param('slug'))))
    .get('/:slug{[a-z0-9-]+}/screen', (c) => (talks.get(c.req.param('slug')) ? page(c, 'screen') : notFound(c, c.req.param('slug'))))
    .get('/:slug{[a-z0-9-]+}/present', (c) => (talks.get(c.req.param('slug')) ? page(c, 'present') : notFound(c, c.req.param('slug'))))
    // the moderator's console: the presenter page, which shows a moderator key's reduced controls
    .get('/:slug{[a-z0-9-]+}/moderate', (c) => (talks.get(c.req.param('slug')) ? page(c, 'present') : notFound(c, c.req.param('slug'))))
    .get('/:slug{[a-z0-9-]+}/results', (c) => (talks.get(c.req.param('slug')) ? page(c, 'results') : notFound(c, c.req.param('slug'))));
}
