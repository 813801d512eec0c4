/**
 * A deck's own stylesheet (`css: style.css`) styles its slides and nothing else: the slide's
 * heading takes the deck's colour on a phone and on the projector; the page around it does not.
 */
import { describe, expect, it } from 'vitest';
import { PHONE, openPage } from '../helpers/browser.js';
import { tempDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const MAGENTA = 'rgb(255, 0, 255)';
const e2e = useBrowserTest(async () => ({
  decks: [await tempDeck('---\ntitle: Styled talk\ncss: style.css\n---\n\n# Hello\n\nworld\n', { 'style.css': `h1, p, button { color: ${MAGENTA}; }` }, 'styled.md')],
}));

describe("a deck's own stylesheet", () => {
  it('colours the slide on a phone and on the projector, and nothing outside the slide', async () => {
    for (const [path, device] of [
      ['/styled', PHONE],
      ['/styled/screen', { viewport: { width: 1280, height: 720 } }],
    ] as const) {
      const page = await openPage(e2e.browser, `${e2e.server.url}${path}`, device);
      try {
        await page.waitForFunction(() => {
          const find = (root: Document | ShadowRoot): Element | null => {
            for (const el of root.querySelectorAll('*')) {
              if (el.tagName === 'SLIDE-VIEW') return el;
              const inner = el.shadowRoot && find(el.shadowRoot);
              if (inner) return inner;
            }
            return null;
          };
          const h1 = find(document)?.shadowRoot?.querySelector('h1');
          return !!h1 && getComputedStyle(h1).color === 'rgb(255, 0, 255)';
        }, null, { timeout: 10_000 });
        // the page's own text and buttons keep the theme's colours
        const outside = await page.evaluate(() => {
          const colours: string[] = [];
          const walk = (root: Document | ShadowRoot) => {
            for (const el of root.querySelectorAll('button, p, h1, h2, span, a, strong')) colours.push(getComputedStyle(el).color);
            for (const el of root.querySelectorAll('*')) if (el.shadowRoot && el.tagName !== 'SLIDE-VIEW') walk(el.shadowRoot);
          };
          walk(document);
          return colours;
        });
        expect(outside.length).toBeGreaterThan(0);
        expect(outside).not.toContain(MAGENTA);
      } finally {
        await page.context().close();
      }
    }
  }, 60_000);
});
