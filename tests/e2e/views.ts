/** Small helpers the browser tests share: where each view lives, and what a view shows. */
import type { Browser, Page } from 'playwright-core';
import { DESKTOP, PHONE, PROJECTOR, openPage } from '../helpers/browser.js';
import type { TestServer } from '../helpers/server.js';

/** Opens the presenter console with the key in the fragment and waits until it is live. */
export async function openPresenter(browser: Browser, server: TestServer, slug: string, device = DESKTOP): Promise<Page> {
  const page = await openPage(browser, `${server.url}/${slug}/present#key=${encodeURIComponent(server.key)}`, device);
  await page.locator('presenter-page connection-badge[status="live"]').waitFor();
  return page;
}

/** Opens the projector view. */
export async function openScreen(browser: Browser, server: TestServer, slug: string): Promise<Page> {
  const page = await openPage(browser, `${server.url}/${slug}/screen`, PROJECTOR);
  await page.locator('screen-page').waitFor();
  return page;
}

/** Opens a phone (a fresh context, so a fresh voter) and waits until it follows live. */
export async function openPhone(browser: Browser, server: TestServer, slug: string, device = PHONE): Promise<Page> {
  const page = await openPage(browser, `${server.url}/${slug}`, device);
  await page.locator('audience-page connection-badge[status="live"]').waitFor();
  return page;
}

/** The visible "n / N" slide counter of a view. */
export const counter = (page: Page) => page.locator('slide-counter .value').first().textContent();

/** The text of one option's row in the results chart on a page ("DNS 2 · 67%"). */
export async function resultRow(page: Page, option: string): Promise<string> {
  const row = page.locator('poll-results .bars li', { hasText: option }).first();
  return ((await row.textContent()) ?? '').replace(/\s+/g, ' ').trim();
}
