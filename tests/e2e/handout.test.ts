/**
 * The seed talk's handout as a person gets it: phones see "Slides" once the presenter ends the talk;
 * the handout holds the slides the run showed (and no other), without the speaker notes, with the
 * poll's results by its slide; Chromium prints it to a PDF of exactly one page per shown slide.
 *
 * With LECTERN_SCREENSHOTS=1 it also writes docs/screenshots/handout.png.
 */
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, openPage } from '../helpers/browser.js';
import { useBrowserTest } from '../helpers/e2e.js';
import { connect } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';
import { seriousViolations } from './axe.js';
import { openPresenter } from './views.js';

const SEED = fileURLToPath(new URL('../../decks/homelab.md', import.meta.url));
const SHOTS = process.env['LECTERN_SCREENSHOTS'] === '1' ? fileURLToPath(new URL('../../docs/screenshots/', import.meta.url)) : null;
/** The run shows the first four slides, skips to the last: five slides in the handout. */
const SHOWN = [0, 1, 2, 3, 11];

const e2e = useBrowserTest({ decks: [SEED] });

async function post(path: string, body?: object) {
  const res = await fetch(`${e2e.server.url}/api/talks/homelab${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e2e.server.key}`, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  expect(res.status).toBeLessThan(300);
}

/** Every slide of the handout laid out on its canvas (fitted) or flowing (phone). */
async function slidesReady(page: Page, fitted: boolean) {
  await page.locator('handout-slide').first().waitFor();
  if (fitted) {
    await page.waitForFunction(() => [...document.querySelector('handout-page')!.shadowRoot!.querySelectorAll('handout-slide')].every((h) => h.shadowRoot?.querySelector('slide-view')?.dataset.fitScale));
  }
}

/** Pages of a PDF: its page objects (`/Type /Page`, not the `/Pages` tree). */
const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;

describe('the handout of the seed talk', () => {
  it('is offered to phones when the presenter ends the talk', async () => {
    for (const index of SHOWN) await post('/slide', { index });
    await post('/slide', { index: 1 });
    const voters = await Promise.all(['DNS', 'DNS', 'Disks'].map(() => connect(e2e.server.url, { talk: 'homelab', voter: newVoterId() })));
    for (const [i, v] of voters.entries()) expect((await v.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: ['DNS', 'DNS', 'Disks'][i]! })).ok).toBe(true);
    voters.forEach((v) => v.socket.close());
    await post('/slide', { index: 11 });

    const phone = await openPage(e2e.browser, `${e2e.server.url}/homelab`, PHONE);
    await phone.getByRole('heading', { name: 'Questions?' }).waitFor();
    expect(await phone.getByRole('link', { name: 'Slides' }).count()).toBe(0);

    // the presenter ends the talk from the console: a stray click asks first
    const presenter = await openPresenter(e2e.browser, e2e.server, 'homelab');
    presenter.once('dialog', (d) => void d.dismiss());
    await presenter.getByRole('button', { name: 'End talk' }).click();
    await new Promise((r) => setTimeout(r, 300));
    expect(await phone.getByRole('link', { name: 'Slides' }).count()).toBe(0);
    presenter.once('dialog', (d) => void d.accept());
    await presenter.getByRole('button', { name: 'End talk' }).click();
    await presenter.getByText('The talk has ended: the handout is open to everyone.').waitFor();
    // the slides stay where the talk ended
    expect(await presenter.getByRole('button', { name: 'Next →' }).isDisabled()).toBe(true);
    expect(await presenter.getByRole('button', { name: 'End talk' }).count()).toBe(0);

    const slides = phone.getByRole('link', { name: 'Slides' });
    await slides.waitFor();
    expect(await slides.getAttribute('href')).toBe('/homelab/handout?run=1');
    await expect.poll(() => phone.getByRole('status').filter({ hasText: 'The talk has ended' }).count()).toBe(1);
    // a phone that joins later sees it too
    const late = await openPage(e2e.browser, `${e2e.server.url}/homelab`, PHONE);
    await late.getByRole('link', { name: 'Slides' }).waitFor();
    expect(await late.getByRole('link', { name: 'Results' }).getAttribute('href')).toBe('/homelab/results?run=1');

    // and it opens the handout, flowing on the phone's width
    await slides.click();
    await phone.waitForURL(/\/homelab\/handout/);
    await slidesReady(phone, false);
    expect(await phone.locator('handout-slide').count()).toBe(SHOWN.length);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
  });

  it('holds the shown slides only, links kept, notes left out, the poll’s results by its slide', async () => {
    const page = await openPage(e2e.browser, `${e2e.server.url}/homelab/handout`, DESKTOP);
    await slidesReady(page, true);
    expect(await page.locator('handout-slide').count()).toBe(SHOWN.length);
    await page.getByRole('heading', { name: 'Live talks from a homelab', level: 1 }).first().waitFor();
    for (const heading of ['Warm-up', 'The whole setup', 'One Nix module', 'Questions?']) expect(await page.getByRole('heading', { name: heading }).count()).toBe(1);
    // skipped slides are not there at all
    for (const heading of ['Ship it', 'One word', 'Honesty check']) expect(await page.getByRole('heading', { name: heading }).count()).toBe(0);
    // notes stay with the speaker
    expect(await page.getByText('Ask people to scan the QR code').count()).toBe(0);
    expect(await page.getByText('Read out a few text answers').count()).toBe(0);
    // a link on a slide is a real link
    const link = page.getByRole('link', { name: 'https://example.org/lectern' });
    expect(await link.getAttribute('href')).toBe('https://example.org/lectern');
    // the warm-up poll's results beside its slide: DNS 2 of 3
    const results = page.getByRole('region', { name: 'Results: What breaks in your homelab?' });
    await expect.poll(() => results.locator('poll-results .total').textContent()).toBe('3 answers');
    // the slide's canvas and its results side by side, inside the page's width
    const [slideBox, resultsBox] = await Promise.all([page.locator('handout-slide').nth(1).locator('slide-view').boundingBox(), results.boundingBox()]);
    expect(resultsBox!.x).toBeGreaterThanOrEqual(slideBox!.x + slideBox!.width);
    // the deck's theme (dark) and accent
    expect(await page.evaluate(() => [document.documentElement.dataset.theme, document.documentElement.style.getPropertyValue('--accent')])).toEqual(['dark', '#0f766e']);
    if (SHOTS) {
      // the end of the first slide and the poll's slide with its results
      await page.evaluate(() => window.scrollTo(0, 420));
      await page.screenshot({ path: `${SHOTS}handout.png` });
    }
  });

  it('has no serious accessibility violations, on a desktop and on a phone', async () => {
    for (const device of [DESKTOP, PHONE]) {
      // bypassCSP: axe arrives as an inline script, which the page's policy rightly refuses
      const context = await e2e.browser.newContext({ ...device, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}/homelab/handout`);
      await slidesReady(page, device === DESKTOP);
      expect(await seriousViolations(page)).toEqual([]);
      await context.close();
    }
  });

  it('prints one page per shown slide, without the page’s bar', async () => {
    const page = await openPage(e2e.browser, `${e2e.server.url}/homelab/handout`, DESKTOP);
    await slidesReady(page, true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('button', { name: /Print/ }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfPages(pdf)).toBe(SHOWN.length);
  });

  it('says the handout opens when the talk ends, while a new run goes on', async () => {
    await post('/runs');
    const page = await openPage(e2e.browser, `${e2e.server.url}/homelab/handout`, DESKTOP);
    await page.getByText('The handout opens when the talk ends.').waitFor();
    expect(await page.locator('handout-slide').count()).toBe(0);
    // the earlier run's stays open
    const earlier = await openPage(e2e.browser, `${e2e.server.url}/homelab/handout?run=1`, DESKTOP);
    await slidesReady(earlier, true);
    expect(await earlier.locator('handout-slide').count()).toBe(SHOWN.length);
  });
});
