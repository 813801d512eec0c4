/**
 * Layouts a speaker needs, as a person sees them: two columns and an image beside the text sit
 * side by side on the projector and stack on a phone; a slide's own background colour shows on
 * the projector; a directive comment is never a speaker note.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, PROJECTOR, openPage } from '../helpers/browser.js';
import { PNG, tempDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const DECK = `---
title: Layouts
---

# Nix or Docker?

::left::

Nix: the whole system, reproducible, rolled back in a second.

::right::

Docker: one process in a box, everywhere already.

<!-- layout: two-columns -->

---

<!-- layout: image-right
image: rack.png
background: #0b3d2e -->

## The rack

Three boxes and a small UPS.
`;

const e2e = useBrowserTest(async () => ({ decks: [await tempDeck(DECK, { 'rack.png': PNG }, 'layouts.md')] }));

/** The boxes of the two halves of a slide (columns, or text and image) in a view. */
function halves(page: Page, host: string) {
  return page.evaluate((host) => {
    const view = document.querySelector(host)!.shadowRoot!.querySelector('slide-view')!;
    const [a, b] = [...view.shadowRoot!.querySelectorAll('.cols > *, .split > *')].map((el) => el.getBoundingClientRect());
    return { a: { left: a!.left, right: a!.right, top: a!.top, bottom: a!.bottom }, b: { left: b!.left, right: b!.right, top: b!.top, bottom: b!.bottom }, background: getComputedStyle(view).backgroundColor };
  }, host);
}

async function goTo(index: number) {
  const res = await fetch(`${e2e.server.url}/api/talks/layouts/slide`, { method: 'POST', headers: { authorization: `Bearer ${e2e.server.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ index }) });
  expect(res.status).toBe(200);
}

describe('layouts', () => {
  it('puts two columns and an image beside the text side by side on the screen, stacked on a phone', async () => {
    await goTo(0);
    const screen = await openPage(e2e.browser, `${e2e.server.url}/layouts/screen`, PROJECTOR);
    const phone = await openPage(e2e.browser, `${e2e.server.url}/layouts`, PHONE);
    try {
      for (const index of [0, 1]) {
        await goTo(index);
        for (const page of [screen, phone]) {
          await page.waitForFunction(
            ({ host, kind }) => !!document.querySelector(host)?.shadowRoot?.querySelector('slide-view')?.shadowRoot?.querySelector(kind),
            { host: page === screen ? 'screen-page' : 'audience-page', kind: index === 0 ? '.cols' : '.split' },
            { timeout: 10_000 },
          );
        }
        const onScreen = await halves(screen, 'screen-page');
        expect(onScreen.b.left, `slide ${index}: side by side on the screen`).toBeGreaterThanOrEqual(onScreen.a.right - 1);
        // on the same band of the slide: their heights overlap
        expect(onScreen.a.top, 'same row').toBeLessThan(onScreen.b.bottom);
        expect(onScreen.b.top, 'same row').toBeLessThan(onScreen.a.bottom);
        const onPhone = await halves(phone, 'audience-page');
        expect(onPhone.b.top, `slide ${index}: stacked on a phone`).toBeGreaterThanOrEqual(onPhone.a.bottom - 1);
        if (index === 1) expect(onScreen.background).toBe('rgb(11, 61, 46)');
      }
      // the directives are settings, never notes
      const talk = await (await fetch(`${e2e.server.url}/api/talks/layouts`, { headers: { authorization: `Bearer ${e2e.server.key}` } })).json();
      expect(JSON.stringify(talk.slides.map((s: { notes: string }) => s.notes))).not.toMatch(/layout|background/);
      expect(talk.slides.map((s: { layout?: string }) => s.layout)).toEqual(['two-columns', 'image-right']);
    } finally {
      await Promise.all([screen, phone].map((p) => p.context().close()));
    }
  }, 60_000);
});
