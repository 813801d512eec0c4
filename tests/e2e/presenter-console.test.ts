/**
 * The presenter console in the browser: it refuses to drive without the right key, jumps
 * anywhere from the slide grid, runs polls (ad-hoc questions, hide, reset with a confirm),
 * and works as a phone remote. Phones show what the server says when it refuses an answer.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, openPage } from '../helpers/browser.js';
import { connectError } from '../helpers/sockets.js';
import { counter, openPhone, openPresenter, openScreen, resultRow } from './views.js';
import { fixtureDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const DECK = fixtureDeck('ui-polls');

const e2e = useBrowserTest({ decks: [DECK] });
let slug: string;
let presenter: Page;
/** The phone that answered the ad-hoc question. */
let voter: Page;

/** Calls the presenter HTTP API, as a script or a clicker would. */
async function api(path: string, body?: object) {
  const res = await fetch(`${e2e.server.url}/api/talks/${slug}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e2e.server.key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  expect(res.ok, `${path}: ${res.status} ${await res.clone().text()}`).toBe(true);
  return res.json() as Promise<{ id: string }>;
}

/** A touch swipe across the middle of the page, as Chromium reports one from a finger. */
async function swipe(page: Page, dx: number) {
  await page.evaluate((dx) => {
    const host = document.querySelector('presenter-page')!;
    const at = (x: number) => new Touch({ identifier: 1, target: host, clientX: x, clientY: 300 });
    host.dispatchEvent(new TouchEvent('touchstart', { touches: [at(200)], changedTouches: [at(200)], bubbles: true, composed: true }));
    host.dispatchEvent(new TouchEvent('touchend', { touches: [], changedTouches: [at(200 + dx)], bubbles: true, composed: true }));
  }, dx);
}

beforeAll(async () => {
  slug = e2e.server.slugs[0]!;
  presenter = await openPresenter(e2e.browser, e2e.server, slug);
}, 60_000);

describe('the presenter console', () => {
  it('asks for the key when there is none, refuses a wrong one, and opens with the right one', async () => {
    const page = await openPage(e2e.browser, `${e2e.server.url}/${slug}/present`, DESKTOP);
    await page.getByRole('heading', { name: 'Presenter key' }).waitFor();
    expect(await page.getByRole('button', { name: /next/i }).count()).toBe(0);

    await page.getByLabel(/key/i).fill('not-the-key');
    await page.getByRole('button', { name: 'Present' }).click();
    expect(await page.getByRole('alert').textContent()).toMatch(/wrong presenter key/i);

    await page.getByLabel(/key/i).fill(e2e.server.key);
    await page.getByRole('button', { name: 'Present' }).click();
    await page.locator('presenter-page connection-badge[status="live"]').waitFor();
    await page.getByText('say hello').waitFor(); // the notes come with the key
  });

  it('jumps to any slide from the grid, and every phone follows', async () => {
    const phone = await openPhone(e2e.browser, e2e.server, slug);
    await presenter.locator('slide-grid').getByRole('button', { name: /3\s*Your setup/ }).click();
    await phone.getByRole('heading', { name: 'Your setup' }).waitFor();
    expect(await counter(phone)).toBe('3 / 4');
    expect(await presenter.locator('slide-grid [aria-current="true"]').textContent()).toContain('Your setup');
  });

  it('asks an ad-hoc question that reaches phones and the screen at once', async () => {
    const [phone, screen] = await Promise.all([openPhone(e2e.browser, e2e.server, slug), openScreen(e2e.browser, e2e.server, slug)]);
    voter = phone;
    await presenter.getByText('Ask an ad-hoc question').click();
    await presenter.getByLabel('Question', { exact: true }).fill('Coffee or tea?');
    await presenter.getByLabel('Options, one per line').fill('Coffee\nTea\n');
    await presenter.getByRole('button', { name: 'Ask now' }).click();

    await phone.getByRole('group', { name: 'Coffee or tea?' }).waitFor();
    await screen.locator('poll-stage').getByRole('heading', { name: 'Coffee or tea?' }).waitFor();
    await phone.getByRole('radio', { name: 'Tea' }).check();
    await phone.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => resultRow(screen, 'Tea')).toBe('Tea 1 · 100%');
    await expect.poll(() => resultRow(presenter, 'Tea')).toBe('Tea 1 · 100%');
    // the form is ready for the next question
    expect(await presenter.getByLabel('Question', { exact: true }).isVisible()).toBe(false);

    // hidden results: the room sees only that answers arrive
    await presenter.getByRole('button', { name: 'Hide results' }).click();
    await phone.getByText('The presenter will show the results.').waitFor();
    await screen.getByText('1 answer — results hidden for now').waitFor();
    await presenter.getByRole('button', { name: 'Show results' }).click();
    await expect.poll(() => resultRow(screen, 'Tea')).toBe('Tea 1 · 100%');
    await expect.poll(() => resultRow(phone, 'Tea')).toBe('Tea 1 · 100%');
  });

  it('resets a poll only after the presenter confirms', async () => {
    presenter.once('dialog', (d) => void d.dismiss());
    await presenter.getByRole('button', { name: 'Reset answers' }).click();
    await new Promise((r) => setTimeout(r, 300));
    expect(await resultRow(presenter, 'Tea')).toBe('Tea 1 · 100%');

    presenter.once('dialog', (d) => void d.accept());
    await presenter.getByRole('button', { name: 'Reset answers' }).click();
    await expect.poll(() => resultRow(presenter, 'Tea')).toBe('Tea 0 · 0%');
    // the phone's answer is gone with the others: it may answer again
    await voter.getByRole('button', { name: 'Send answer' }).waitFor();
    expect(await voter.getByText('Answer received').count()).toBe(0);
  });

  it('drives the talk from a phone: tap the slide for next, swipe to go back', async () => {
    await api('/slide', { index: 0 });
    const remote = await openPresenter(e2e.browser, e2e.server, slug, PHONE);
    await expect.poll(() => counter(remote)).toBe('1 / 4');
    await remote.locator('.current slide-view').tap();
    await expect.poll(() => counter(remote)).toBe('2 / 4');
    await swipe(remote, -150);
    await expect.poll(() => counter(remote)).toBe('3 / 4');
    await swipe(remote, 150);
    await expect.poll(() => counter(remote)).toBe('2 / 4');
    // a short move is a tap or the start of a scroll, not a page turn
    await swipe(remote, 20);
    await new Promise((r) => setTimeout(r, 300));
    expect(await counter(remote)).toBe('2 / 4');
  });
});

describe('a refused answer', () => {
  it('shows the server’s reason on the phone', async () => {
    const { id } = await api('/polls', { question: 'Ready?', options: ['Yes', 'No'] });
    const context = await e2e.browser.newContext(PHONE);
    // this phone stops hearing poll updates, so it still thinks the poll is open after it closed
    let deaf = false;
    await context.routeWebSocket(/socket\.io/, (ws) => {
      const upstream = ws.connectToServer();
      upstream.onMessage((m) => {
        if (!(deaf && typeof m === 'string' && m.includes('"poll:active"'))) ws.send(m);
      });
    });
    const phone = await context.newPage();
    await phone.goto(`${e2e.server.url}/${slug}`);
    await phone.getByRole('group', { name: 'Ready?' }).waitFor();
    deaf = true;
    await api(`/polls/${id}/close`);
    await phone.getByRole('radio', { name: 'Yes' }).check();
    await phone.getByRole('button', { name: 'Send answer' }).click();
    expect(await phone.getByRole('alert').textContent()).toMatch(/closed/i);
    expect(await phone.getByText('Answer received').count()).toBe(0);
  });
});

// Last in this file: it locks the test address out for wrong presenter keys.
describe('someone guessing keys from the room’s shared address', () => {
  it('cannot lock out a presenter who is already in: reloads keep working on the presenter session', async () => {
    await api('/slide', { index: 0 }); // the slide whose notes say hello
    const console_ = await openPresenter(e2e.browser, e2e.server, slug);
    await console_.locator('presenter-page connection-badge[status="live"]').waitFor();
    // The page swapped the key for the session the server sent, and keeps that.
    await expect.poll(() => console_.evaluate((s) => localStorage.getItem(`lectern:key:${s}`), slug)).toMatch(/^ls2\./);

    for (let i = 0; i < 7; i++) await connectError(e2e.server.url, { talk: slug, key: `guess-${i}` });
    expect((await connectError(e2e.server.url, { talk: slug, key: 'guess-7' })).data?.code).toBe('rate_limited');

    await console_.reload();
    await console_.locator('presenter-page connection-badge[status="live"]').waitFor();
    await console_.getByText('say hello').waitFor(); // notes still come: the HTTP fetch took the session too
    const before = await counter(console_);
    await console_.keyboard.press('ArrowRight');
    await expect.poll(() => counter(console_)).not.toBe(before);
  });
});
