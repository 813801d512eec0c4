/**
 * End to end: real server, real Chromium. A phone follows the presenter's key presses, a late
 * phone lands on the current slide, and a wrong presenter key is explained, not ignored.
 * Needs the built client (`npm run build`, which `npm test` runs first).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE } from '../helpers/browser.js';
import { useBrowserTest } from '../helpers/e2e.js';
import { tempDeck } from '../helpers/decks.js';
import { counter } from './views.js';

const DECK = `---
title: Sync demo
---

# Welcome to Lectern

A talk that follows you.

Note: greet the room

---

# Second slide

\`\`\`ts
const veryLongIdentifierSoTheCodeBlockIsWiderThanAPhone = 'scrolls inside its box, not the page';
\`\`\`

---

# Third slide

The end.
`;

const e2e = useBrowserTest(async () => ({ decks: [await tempDeck(DECK, {}, 'sync-demo.md')] }));
let slug: string;

async function openAudience(): Promise<Page> {
  const page = await (await e2e.browser.newContext(PHONE)).newPage();
  await page.goto(`${e2e.server.url}/${slug}`);
  return page;
}

beforeAll(async () => {
  slug = e2e.server.slugs[0]!;
}, 60_000);

describe('live sync in the browser', () => {
  it('moves the phone to slide 2 when the presenter presses ArrowRight', async () => {
    const phone = await openAudience();
    await phone.getByRole('heading', { name: 'Welcome to Lectern' }).waitFor();
    expect(await counter(phone)).toBe('1 / 3');

    const presenter = await (await e2e.browser.newContext(DESKTOP)).newPage();
    await presenter.goto(`${e2e.server.url}/${slug}/present#key=${encodeURIComponent(e2e.server.key)}`);
    await presenter.locator('connection-badge[status="live"]').waitFor();
    await presenter.getByText('greet the room').waitFor(); // notes reach the presenter only
    // the key leaves the address bar once it is stored
    expect(new URL(presenter.url()).hash).toBe('');

    await presenter.keyboard.press('ArrowRight');

    await phone.getByRole('heading', { name: 'Second slide' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => counter(phone)).toBe('2 / 3');
    await expect.poll(() => counter(presenter)).toBe('2 / 3');
    expect(await phone.getByText('greet the room').count()).toBe(0);
  }, 60_000);

  it('opens a late phone on the slide the presenter is on, readable at 320 px', async () => {
    const phone = await openAudience();
    await phone.getByRole('heading', { name: 'Second slide' }).waitFor();
    expect(await counter(phone)).toBe('2 / 3');
    // screen readers hear where the talk is
    await expect.poll(() => phone.locator('[aria-live="polite"]').textContent()).toBe('Slide 2 of 3: Second slide');

    await phone.setViewportSize({ width: 320, height: 640 });
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  }, 60_000);

  it('shows the projector the current slide filling a 16:9 window', async () => {
    const screen = await (await e2e.browser.newContext({ viewport: { width: 1280, height: 720 } })).newPage();
    await screen.goto(`${e2e.server.url}/${slug}/screen`);
    await screen.getByRole('heading', { name: 'Second slide' }).waitFor();
    const box = await screen.locator('slide-view').boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 1280, height: 720 });
  }, 60_000);

  it('tells the presenter when the key is wrong', async () => {
    const page = await (await e2e.browser.newContext(DESKTOP)).newPage();
    await page.goto(`${e2e.server.url}/${slug}/present#key=not-the-key`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/key/i);
    // and asks again instead of showing a console that cannot drive anything
    await page.getByLabel(/key/i).waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('lectern:key:')))).toEqual([]);
  }, 60_000);
});
