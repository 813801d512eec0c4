/** Small helpers the browser tests share: where each view lives, and what a view shows. */
import type { Browser, Locator, Page } from 'playwright-core';
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

/** An element's text as people see it, shadow roots included (a custom element's own text lives there). */
export function deepText(locator: Locator): Promise<string> {
  return locator.evaluate((root) => {
    const walk = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
      const children = node instanceof Element && node.shadowRoot ? node.shadowRoot.childNodes : node.childNodes;
      return [...children].map(walk).join('');
    };
    return walk(root).replace(/\s+/g, ' ').trim();
  });
}

/** Opens the phone's Questions panel and waits until it has loaded. */
export async function openQuestions(phone: Page): Promise<void> {
  await phone.getByRole('button', { name: /^Questions/ }).click();
  await phone.getByRole('heading', { name: 'Ask a question' }).waitFor();
}

/** Asks a question from a phone whose Questions panel is open, and waits for the server's receipt. */
export async function ask(phone: Page, text: string, name?: string): Promise<void> {
  await phone.getByLabel('Your question').fill(text);
  if (name !== undefined) await phone.getByLabel('Your name').fill(name);
  await phone.getByRole('button', { name: 'Ask', exact: true }).click();
  await phone.getByText(/✓ (Question sent|Sent — the presenter will approve it)/).waitFor();
}

/** A question's row in a view's list (phone: question-list, presenter: question-moderation). */
export const questionRow = (page: Page, list: 'question-list' | 'question-moderation', text: string) =>
  page.locator(`${list} li`, { hasText: text });
