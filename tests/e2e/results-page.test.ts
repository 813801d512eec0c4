/**
 * The results page after the talk: the newest run first with each poll's chart and total,
 * earlier runs on request, and the CSV and JSON downloads.
 */
import { readFile } from 'node:fs/promises';
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

describe('saving a chart', () => {
  it('downloads a standalone SVG that parses and a PNG drawn from it', async () => {
    const page = await (await e2e.browser.newContext({ ...DESKTOP, acceptDownloads: true })).newPage();
    await page.goto(`${e2e.server.url}/${slug}/results?run=1`);
    await expect.poll(() => resultRow(page, 'DNS')).toBe('DNS 2 · 67%');

    const [svgDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save SVG' }).click()]);
    expect(svgDownload.suggestedFilename()).toBe(`${slug}-run1-breaks.svg`);
    const svg = await readFile((await svgDownload.path())!, 'utf8');
    // inline attributes only: it renders with no page around it
    expect(svg).not.toMatch(/<style|class=|<script|href=/);
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { error: doc.querySelector('parsererror')?.textContent ?? null, root: doc.documentElement.localName, width: doc.documentElement.getAttribute('width'), text: doc.documentElement.textContent ?? '' };
    }, svg);
    expect(parsed).toMatchObject({ error: null, root: 'svg', width: '800' });
    for (const part of ['What breaks first?', '3 answers', 'DNS', '2 · 67%', 'Updates', '1 · 33%']) expect(parsed.text).toContain(part);

    const [pngDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save PNG' }).click()]);
    expect(pngDownload.suggestedFilename()).toBe(`${slug}-run1-breaks.png`);
    const png = await readFile((await pngDownload.path())!);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: twice the SVG's size, for sharp slides
    expect(png.readUInt32BE(16)).toBe(1600);
    // and the chart is drawn in it, not a blank canvas: the bars' accent colour is there
    const coloured = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: img.width, height: img.height });
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const data = ctx.getImageData(0, 0, img.width, img.height).data;
      let n = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 2]! > 150 && data[i]! < 120) n++;
      return n;
    }, png.toString('base64'));
    expect(coloured).toBeGreaterThan(1000);
  });
});
