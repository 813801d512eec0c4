/**
 * The other poll forms on a phone, light and dark: multiple choice stops at `max`, the scale
 * reads its end labels, the text box counts characters as you type. Each answer is received,
 * the results chart follows, and axe finds no serious violation.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from '../helpers/browser.js';
import { seriousViolations } from './axe.js';
import { fixtureDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const DECK = fixtureDeck('ui-poll-types');

const e2e = useBrowserTest({ decks: [DECK] });
let slug: string;

async function goto(index: number) {
  const res = await fetch(`${e2e.server.url}/api/talks/${slug}/slide`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e2e.server.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ index }),
  });
  expect(res.ok).toBe(true);
}

async function phone(colorScheme: 'light' | 'dark'): Promise<Page> {
  const page = await (await e2e.browser.newContext({ ...PHONE, colorScheme, bypassCSP: true })).newPage();
  await page.goto(`${e2e.server.url}/${slug}`);
  return page;
}

async function send(page: Page) {
  await page.getByRole('button', { name: 'Send answer' }).click();
  await page.getByText('Answer received').waitFor();
  await page.locator('audience-poll poll-results').waitFor();
}

beforeAll(async () => {
  slug = e2e.server.slugs[0]!;
}, 60_000);

describe.each(['light', 'dark'] as const)('poll forms in %s mode', (scheme) => {
  it('multiple choice allows up to max picks', async () => {
    await goto(0);
    const page = await phone(scheme);
    await page.getByText('Pick up to 2.').waitFor();
    await page.getByRole('checkbox', { name: 'Postgres' }).check();
    await page.getByRole('checkbox', { name: 'Nginx' }).check();
    expect(await page.getByRole('checkbox', { name: 'Redis' }).isDisabled()).toBe(true);
    await send(page);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a scale names its ends', async () => {
    await goto(1);
    const page = await phone(scheme);
    await page.getByRole('radio', { name: '5 (Tested restores)' }).check();
    await send(page);
    await page.getByText(/Average\s*5\.0\s*of 5/).first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('a text answer shows its length as it is typed', async () => {
    await goto(2);
    const page = await phone(scheme);
    await page.getByRole('textbox', { name: 'Your answer' }).fill('Backups <b>first</b>');
    await page.getByText('20 / 280 characters').waitFor();
    await send(page);
    // audience text is shown as text, never as markup
    await page.locator('poll-results .texts li', { hasText: 'Backups <b>first</b>' }).first().waitFor();
    expect(await page.locator('poll-results .texts b').count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
