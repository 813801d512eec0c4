/**
 * Decks from other tools, as a person sees them: a Slidev two-column slide and a Marp
 * `![bg right:40%]` slide sit side by side on the projector and stack on a phone; the Marp
 * picture takes 40% of the slide; Marp's page number shows on the projector; the presenter
 * console lists what a deck's tool has that Lectern does not show.
 *
 * With LECTERN_SCREENSHOTS=1 it also writes docs/screenshots/dialect-*.png.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, PROJECTOR, DESKTOP, openPage } from '../helpers/browser.js';
import { useBrowserTest } from '../helpers/e2e.js';

const fixture = (path: string) => fileURLToPath(new URL(`../fixtures/dialects/${path}`, import.meta.url));
const SHOTS = process.env['LECTERN_SCREENSHOTS'] === '1' ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)) : null;

const e2e = useBrowserTest({ decks: [fixture('slidev/two-cols.md'), fixture('marp/bg-split.md'), fixture('slidev/components.md')] });

async function goTo(slug: string, index: number) {
  const res = await fetch(`${e2e.server.url}/api/talks/${slug}/slide`, { method: 'POST', headers: { authorization: `Bearer ${e2e.server.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ index }) });
  expect(res.status).toBe(200);
}

/** The boxes of the two halves of the slide (columns, or text and picture), and what else the view shows. */
function measure(page: Page, host: string) {
  return page.evaluate((host) => {
    const view = document.querySelector(host)!.shadowRoot!.querySelector('slide-view')!;
    const root = view.shadowRoot!;
    const box = (el: Element | null | undefined) => {
      const r = el!.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
    };
    const [a, b] = [...root.querySelectorAll('.cols > *, .split > *')];
    return { a: box(a), b: box(b), slide: box(root.querySelector('.slide') ?? view), page: root.querySelector('.chrome.page')?.textContent ?? null, text: root.textContent ?? '' };
  }, host);
}

async function waitFor(page: Page, host: string, selector: string) {
  await page.waitForFunction(({ host, selector }) => !!document.querySelector(host)?.shadowRoot?.querySelector('slide-view')?.shadowRoot?.querySelector(selector), { host, selector }, { timeout: 10_000 });
}

describe('decks from other tools', () => {
  for (const { name, slug, index, selector } of [
    { name: 'a Slidev two-cols slide', slug: 'two-cols', index: 2, selector: '.cols' },
    { name: 'a Marp ![bg right:40%] slide', slug: 'bg-split', index: 1, selector: '.split' },
  ]) {
    it(`shows ${name} side by side on the screen and stacked on a phone`, async () => {
      await goTo(slug, index);
      const screen = await openPage(e2e.browser, `${e2e.server.url}/${slug}/screen`, PROJECTOR);
      const phone = await openPage(e2e.browser, `${e2e.server.url}/${slug}`, PHONE);
      try {
        await waitFor(screen, 'screen-page', selector);
        await waitFor(phone, 'audience-page', selector);
        // images loaded and fonts in: what a person would see
        await screen.waitForFunction(() => document.fonts.status === 'loaded');
        const onScreen = await measure(screen, 'screen-page');
        expect(onScreen.b.left, 'side by side on the screen').toBeGreaterThanOrEqual(onScreen.a.right - 1);
        // on the same band of the slide: their heights overlap
        expect(onScreen.a.top, 'same row').toBeLessThan(onScreen.b.bottom);
        expect(onScreen.b.top, 'same row').toBeLessThan(onScreen.a.bottom);
        const onPhone = await measure(phone, 'audience-page');
        expect(onPhone.b.top, 'stacked on a phone').toBeGreaterThanOrEqual(onPhone.a.bottom - 1);
        expect(onPhone.a.width, 'each half takes the phone width').toBeGreaterThan(300);
        if (slug === 'bg-split') {
          // the picture takes 40% of the row, the text the rest
          const share = onScreen.b.width / (onScreen.a.width + onScreen.b.width);
          expect(share).toBeGreaterThan(0.35);
          expect(share).toBeLessThan(0.45);
          // paginate: true → the page number in the corner; directives never shown as text
          expect(onScreen.page).toBe('2');
          expect(onScreen.text).not.toMatch(/bg right|_class|paginate/);
        } else {
          expect(onScreen.text).not.toMatch(/layout:|two-cols/);
        }
        if (SHOTS) {
          await screen.screenshot({ path: `${SHOTS}dialect-${slug}-screen.png` });
          await phone.screenshot({ path: `${SHOTS}dialect-${slug}-phone.png` });
        }
      } finally {
        await Promise.all([screen, phone].map((p) => p.context().close()));
      }
    }, 60_000);
  }

  it('lists in the presenter console what a deck has that Lectern does not show, with its line', async () => {
    const res = await fetch(`${e2e.server.url}/api/talks/components`, { headers: { authorization: `Bearer ${e2e.server.key}` } });
    const talk = (await res.json()) as { dialect?: string; dropped?: { line: number; what: string }[] };
    expect(talk.dialect).toBe('slidev');
    expect(talk.dropped?.length).toBeGreaterThan(0);
    const page = await openPage(e2e.browser, `${e2e.server.url}/components/present`, DESKTOP);
    try {
      await page.getByLabel(/key/i).fill(e2e.server.key);
      await page.getByRole('button', { name: 'Present' }).click();
      await page.waitForFunction(() => !!document.querySelector('presenter-page')?.shadowRoot?.querySelector('details.dropped'), undefined, { timeout: 10_000 });
      const listed = await page.evaluate(() => {
        const details = document.querySelector('presenter-page')!.shadowRoot!.querySelector('details.dropped')!;
        return { summary: details.querySelector('summary')!.textContent!, items: [...details.querySelectorAll('li')].map((li) => li.textContent!.replace(/\s+/g, ' ').trim()) };
      });
      expect(listed.summary).toMatch(new RegExp(`slidev deck \\(${talk.dropped!.length}\\)`));
      expect(listed.items[0]).toBe(`line ${talk.dropped![0]!.line} ${talk.dropped![0]!.what}`);
      // without the key nobody learns it
      const anon = (await (await fetch(`${e2e.server.url}/api/talks/components`)).json()) as { dropped?: unknown };
      expect(anon.dropped).toBeUndefined();
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
