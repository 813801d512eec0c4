/**
 * Phones follow the deck's theme, and choose light, dark or the system's scheme where the theme
 * has both; the choice stays across a reload. A deck that fixes its scheme offers no choice.
 */
import { describe, expect, it } from 'vitest';
import { SMALL_PHONE, openPage } from '../helpers/browser.js';
import { tempDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const e2e = useBrowserTest(async () => ({
  decks: [
    await tempDeck('---\ntitle: Serif talk\ntheme: serif\n---\n\n# Hello\n\n```ts\nconst x = 1;\n```\n', {}, 'serif-talk.md'),
    await tempDeck('---\ntitle: Night talk\ntheme: night\n---\n\n# Hello\n', {}, 'night-talk.md'),
  ],
}));

describe('the colour scheme on a phone', () => {
  it('cycles Auto → Light → Dark, changes the page and the code colours, and survives a reload', async () => {
    const page = await openPage(e2e.browser, `${e2e.server.url}/serif-talk`, { ...SMALL_PHONE, colorScheme: 'light' });
    try {
      const toggle = page.locator('audience-page scheme-toggle button');
      await toggle.waitFor();
      const look = () =>
        page.evaluate(() => {
          const view = document.querySelector('audience-page')!.shadowRoot!.querySelector('slide-view')!;
          return {
            scheme: document.documentElement.dataset.theme ?? 'system',
            bg: getComputedStyle(document.body).backgroundColor,
            codeBg: getComputedStyle(view.shadowRoot!.querySelector('pre')!).backgroundColor,
          };
        });
      const auto = await look();
      expect(auto.scheme).toBe('system');
      expect(auto.bg).toBe('rgb(251, 248, 241)'); // serif's paper, the system being light
      expect(await toggle.getAttribute('aria-label')).toMatch(/^Colour scheme: Auto\. Tap for Light\.$/);

      await toggle.click();
      expect((await look()).scheme).toBe('light');
      await toggle.click();
      const dark = await look();
      expect(dark.scheme).toBe('dark');
      expect(dark.bg).toBe('rgb(29, 27, 26)');
      expect(dark.codeBg).not.toBe(auto.codeBg);

      await page.reload();
      await toggle.waitFor();
      expect((await look()).scheme).toBe('dark');
      // the toggle stays within a 320 px phone's width
      const box = await toggle.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(320);
    } finally {
      await page.context().close();
    }
  }, 60_000);

  it('offers no choice on a deck whose theme has one scheme', async () => {
    const page = await openPage(e2e.browser, `${e2e.server.url}/night-talk`, SMALL_PHONE);
    try {
      await page.locator('audience-page slide-view').waitFor();
      expect(await page.locator('audience-page scheme-toggle').count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    } finally {
      await page.context().close();
    }
  }, 60_000);
});
