/**
 * A whole room in one browser: the presenter at a laptop, the projector, and three phones.
 * They follow the presenter's keys, browse back and return, answer a poll and see the screen
 * count the answers, a phone reloaded mid-talk finds its answer kept, and a phone that lost its
 * connection says so and catches up when it is back.
 * Needs the built client (`npm run build`, which `npm test` runs first).
 */
import type { Page, WebSocketRoute } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from '../helpers/browser.js';
import { counter, openPhone, openPresenter, openScreen, resultRow } from './views.js';
import { fixtureDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const DECK = fixtureDeck('ui-polls');

const e2e = useBrowserTest({ decks: [DECK] });
let slug: string;
let presenter: Page;
let screen: Page;
let phones: Page[];

const heading = (page: Page, name: string) => page.getByRole('heading', { name, exact: true });

/** Answers the single-choice poll on a phone and waits for the server's receipt. */
async function answer(phone: Page, option: string) {
  await phone.getByRole('radio', { name: option }).check();
  await phone.getByRole('button', { name: /send answer|change answer/i }).click();
  await phone.getByText('Answer received').waitFor();
}

beforeAll(async () => {
  slug = e2e.server.slugs[0]!;
  presenter = await openPresenter(e2e.browser, e2e.server, slug);
  screen = await openScreen(e2e.browser, e2e.server, slug);
  phones = await Promise.all([0, 1, 2].map(() => openPhone(e2e.browser, e2e.server, slug)));
}, 60_000);

describe('a live talk in the browser', () => {
  it('moves every view within a second when the presenter presses ArrowRight', async () => {
    await Promise.all(phones.map((p) => heading(p, 'Poll demo').waitFor()));
    await heading(screen, 'Poll demo').waitFor();
    // the first slide shows how to join: a QR code and the address
    await screen.getByRole('img', { name: /QR code to join/ }).waitFor();

    const started = Date.now();
    await presenter.keyboard.press('ArrowRight');
    const views = [...phones, presenter];
    await Promise.all(views.map((p) => expect.poll(() => counter(p), { timeout: 1000, interval: 25 }).toBe('2 / 4')));
    // the screen shows the poll that opened with the slide instead of the slide itself
    await screen.locator('poll-stage').getByRole('heading', { name: 'What breaks first?' }).waitFor({ timeout: 1000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await screen.getByRole('img', { name: /QR code/ }).count()).toBe(0);
  });

  it('counts the phones’ answers on the screen as they arrive', async () => {
    expect(await resultRow(screen, 'DNS')).toBe('DNS 0 · 0%');
    await answer(phones[0]!, 'DNS');
    await expect.poll(() => resultRow(screen, 'DNS')).toBe('DNS 1 · 100%');
    await answer(phones[1]!, 'DNS');
    await answer(phones[2]!, 'Disks');
    await expect.poll(() => resultRow(screen, 'DNS')).toBe('DNS 2 · 67%');
    await expect.poll(() => resultRow(screen, 'Disks')).toBe('Disks 1 · 33%');
    await expect.poll(() => screen.locator('poll-results .total').textContent()).toBe('3 answers');
    // voters see the live results too, and the presenter's console counts the same
    await expect.poll(() => resultRow(phones[0]!, 'DNS')).toBe('DNS 2 · 67%');
    await expect.poll(() => resultRow(presenter, 'Disks')).toBe('Disks 1 · 33%');
  });

  it('lets a phone change its answer while the poll is open', async () => {
    await answer(phones[2]!, 'Updates');
    await expect.poll(() => resultRow(screen, 'Disks')).toBe('Disks 0 · 0%');
    await expect.poll(() => resultRow(screen, 'Updates')).toBe('Updates 1 · 33%');
  });

  it('keeps a reloaded phone on the current slide with its answer received', async () => {
    const phone = phones[0]!;
    await phone.reload();
    await phone.locator('audience-page connection-badge[status="live"]').waitFor();
    // "live" comes with the connection; the talk's state follows it a moment later
    await expect.poll(() => counter(phone), { timeout: 10_000 }).toBe('2 / 4');
    await phone.getByText('Answer received').waitFor();
    expect(await phone.getByRole('radio', { name: 'DNS' }).isChecked()).toBe(true);
    expect(await resultRow(phone, 'DNS')).toBe('DNS 2 · 67%');
  });

  it('fits the poll and its results on a 320 px phone', async () => {
    const phone = phones[1]!;
    await phone.setViewportSize({ width: 320, height: 640 });
    await phone.locator('audience-poll poll-results .bars').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // every option is a touch target at least 44 px tall
    const heights = await phone.locator('poll-vote .choice').evaluateAll((els) => els.map((el) => el.getBoundingClientRect().height));
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
    await phone.setViewportSize({ width: 390, height: 844 });
  });

  it('tells phones when the presenter closes the poll', async () => {
    await presenter.getByRole('button', { name: 'Close voting' }).click();
    await Promise.all(phones.map((p) => p.getByText('Poll closed', { exact: true }).waitFor()));
    expect(await phones[1]!.getByRole('radio', { name: 'Disks' }).isDisabled()).toBe(true);
    await screen.getByText('Voting closed').waitFor();
  });

  it('lets a phone browse back and return to live', async () => {
    const phone = phones[1]!;
    await phone.getByRole('button', { name: 'Previous slide' }).click();
    await heading(phone, 'Poll demo').waitFor();
    expect(await counter(phone)).toBe('1 / 4');
    // the talk moves on; the reader stays where they are until they choose to return
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => counter(phones[0]!)).toBe('3 / 4');
    await phone.getByText('the talk is on slide 3').waitFor();
    expect(await counter(phone)).toBe('1 / 4');
    // forward stops at the furthest slide shown; "Back to live" jumps to the presenter's
    await phone.getByRole('button', { name: 'Back to live' }).click();
    await heading(phone, 'Your setup').waitFor();
    expect(await counter(phone)).toBe('3 / 4');
    expect(await phone.getByRole('button', { name: 'Back to live' }).count()).toBe(0);
    expect(await phone.getByRole('button', { name: 'Next slide' }).isDisabled()).toBe(true);
  });

  it('collects words from a phone and sizes them in the cloud', async () => {
    const [a, b] = phones;
    await a!.getByRole('textbox', { name: 'Word 1 of 2' }).fill('Cozy');
    await a!.getByRole('button', { name: 'Send answer' }).click();
    await a!.getByText('Answer received').waitFor();
    await b!.getByRole('textbox', { name: 'Word 1 of 2' }).fill('cozy');
    await b!.getByRole('textbox', { name: 'Word 2 of 2' }).fill('loud');
    await b!.getByRole('button', { name: 'Send answer' }).click();
    await expect.poll(() => screen.locator('poll-results .cloud li').allTextContents()).toHaveLength(2);
    const sizes = await screen.locator('poll-results .cloud li').evaluateAll((els) => els.map((el) => [el.querySelector('.word')?.textContent, el.getAttribute('style')]));
    expect(Object.fromEntries(sizes)).toEqual({ cozy: 'font-size: 3.00em', loud: 'font-size: 1.00em' });
  });

  it('shows a dropped connection and catches up when it comes back', async () => {
    const context = await e2e.browser.newContext(PHONE);
    const sockets: WebSocketRoute[] = [];
    let offline = false;
    await context.routeWebSocket(/socket\.io/, (ws) => {
      if (offline) return void ws.close();
      ws.connectToServer();
      sockets.push(ws);
    });
    const phone = await context.newPage();
    await phone.goto(`${e2e.server.url}/${slug}`);
    await phone.locator('audience-page connection-badge[status="live"]').waitFor();
    // live means connected; the talk's state (and so the counter) may land a moment later
    await expect.poll(() => counter(phone), { timeout: 10_000 }).toBe('3 / 4');

    offline = true;
    await Promise.all(sockets.map((ws) => ws.close()));
    await phone.locator('audience-page connection-badge[status="reconnecting"]').waitFor();
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => counter(presenter)).toBe('4 / 4');
    expect(await counter(phone)).toBe('3 / 4');

    offline = false; // the next retry gets through, and the server's fresh state moves the phone on
    await phone.locator('audience-page connection-badge[status="live"]').waitFor({ timeout: 15_000 });
    await heading(phone, 'Thanks').waitFor();
    expect(await counter(phone)).toBe('4 / 4');
  }, 30_000);
});
