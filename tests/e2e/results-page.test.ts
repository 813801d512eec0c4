/**
 * The results page after the talk: the newest run first with each poll's chart and total,
 * earlier runs on request, and the CSV and JSON downloads.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openPage } from '../helpers/browser.js';
import { connect } from '../helpers/sockets.js';
import { resultRow } from './views.js';
import { fixtureDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const DECK = fixtureDeck('ui-polls');

const e2e = useBrowserTest({ decks: [DECK] });
let slug: string;

async function post(path: string, body: object = {}) {
  const res = await fetch(`${e2e.server.url}/api/talks/${slug}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e2e.server.key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(res.ok).toBe(true);
}

/** Phones answering over the socket, each with its own voter id. */
async function vote(poll: string, answers: unknown[]) {
  for (const [i, answer] of answers.entries()) {
    const { socket } = await connect(e2e.server.url, { talk: slug, voter: `results-voter-${poll}-${i}-xxxxxx` });
    const ack = await socket.emitWithAck('vote:cast', { poll, answer: answer as string });
    socket.close();
    expect(ack.ok).toBe(true);
  }
}

const headings = (page: Page) => page.locator('results-page article h3').allTextContents();

beforeAll(async () => {
  slug = e2e.server.slugs[0]!;
  await post('/slide', { index: 1 });
  await vote('breaks', ['DNS', 'DNS', 'Updates']);
  await post('/runs'); // a second delivery: its first poll gets one answer
  await post('/slide', { index: 1 });
  await vote('breaks', ['Disks']);
}, 60_000);

describe('the results page', () => {
  it('shows the newest run first, and an earlier run when picked', async () => {
    const page = await openPage(e2e.browser, `${e2e.server.url}/${slug}/results`, DESKTOP);
    await page.getByRole('heading', { name: 'Results: Poll demo' }).waitFor();
    expect(await headings(page)).toEqual(['What breaks first?']);
    await expect.poll(() => resultRow(page, 'Disks')).toBe('Disks 1 · 100%');
    expect(await page.locator('article poll-results .total').textContent()).toBe('1 answer');

    await page.getByLabel('Run').selectOption('1');
    await expect.poll(() => resultRow(page, 'DNS')).toBe('DNS 2 · 67%');
    expect(await page.locator('article poll-results .total').textContent()).toBe('3 answers');
    // the choice is in the address, so the link can be shared
    expect(new URL(page.url()).searchParams.get('run')).toBe('1');
  });

  it('links the CSV and JSON downloads', async () => {
    const page = await openPage(e2e.browser, `${e2e.server.url}/${slug}/results?run=1`, DESKTOP);
    const csv = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    const json = await page.getByRole('link', { name: 'JSON' }).getAttribute('href');
    const csvRes = await fetch(new URL(csv!, e2e.server.url));
    expect(csvRes.headers.get('content-type')).toMatch(/text\/csv/);
    expect((await csvRes.text()).split('\n').filter((l) => l.includes('What breaks first?'))).toHaveLength(4);
    const body = (await (await fetch(new URL(json!, e2e.server.url))).json()) as { runs: unknown[] };
    expect(body.runs).toHaveLength(2);
  });
});
