/**
 * Countdowns as people see them, in Chromium: a poll's countdown ticks on the projector and on a
 * phone (inside the view, not cut off), the presenter adds time or stops it from the console, a
 * 5-second poll closes itself on the phone; the presenter (only) sees the talk's remaining time and
 * pace from the deck's `duration:` and `<!-- time: -->`.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { openPhone, openPresenter, openScreen } from './views.js';
import { PHONE, PROJECTOR } from '../helpers/browser.js';
import { useBrowserTest } from '../helpers/e2e.js';
import { tempDeck } from '../helpers/decks.js';

const DECK = `---
title: Timed talk
slug: timed-talk
duration: 10m
---

# Welcome

<!-- time: 1m -->

---

\`\`\`poll
id: favourite
question: Favourite season?
options: [Spring, Summer, Autumn, Winter]
timer: 40s
\`\`\`

---

\`\`\`poll
id: quick
question: Coffee or tea?
options: [Coffee, Tea]
timer: 5s
\`\`\`

---

\`\`\`poll
id: late
question: Last call?
options: [Now, Later]
timer: 5s
\`\`\`

---

# Thanks
`;

const e2e = useBrowserTest(async () => ({ decks: [await tempDeck(DECK, {}, 'timed-talk.md')] }));
let presenter: Page;
let screen: Page;
let phone: Page;

/** Seconds a countdown shows ("0:37" → 37). */
const seconds = async (timer: Locator) => {
  const [m, s] = ((await timer.textContent()) ?? '').trim().split(':').map(Number);
  return (m ?? NaN) * 60 + (s ?? NaN);
};

/** The element is drawn, and wholly inside the page's viewport. */
async function expectInView(page: Page, locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const view = page.viewportSize()!;
  expect(box).not.toBeNull();
  expect(box!.width).toBeGreaterThan(0);
  expect(box!.height).toBeGreaterThan(0);
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.y).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(view.width);
  expect(box!.y + box!.height).toBeLessThanOrEqual(view.height);
  return box!;
}

beforeAll(async () => {
  presenter = await openPresenter(e2e.browser, e2e.server, 'timed-talk');
  screen = await openScreen(e2e.browser, e2e.server, 'timed-talk');
  phone = await openPhone(e2e.browser, e2e.server, 'timed-talk');
}, 60_000);

describe('countdowns', () => {
  it('shows the presenter the talk’s remaining time and pace, and no phone either', async () => {
    const pace = presenter.locator('talk-pace');
    await expect.poll(() => pace.locator('.remaining').textContent()).toMatch(/^(10:00|9:\d\d) left$/);
    await expect.poll(() => pace.locator('.pace').textContent()).toBe('on time');
    await expectInView(presenter, pace);
    expect(await phone.locator('talk-pace').count()).toBe(0);
  });

  it('ticks on the projector and on a phone, and the presenter can add time and stop it', async () => {
    await presenter.keyboard.press('ArrowRight');
    // the poll's slide is planned to start a minute in: reached early, the talk is ahead
    await expect.poll(() => presenter.locator('talk-pace .pace').textContent()).toMatch(/^0:\d\d ahead$/);

    const onScreen = screen.locator('poll-stage poll-countdown [role="timer"]');
    const onPhone = phone.locator('audience-poll poll-countdown [role="timer"]');
    await onScreen.waitFor();
    await onPhone.waitFor();
    const first = await onScreen.textContent();
    expect(first).toMatch(/^0:[0-4]\d$/);
    await expect.poll(() => onScreen.textContent(), { timeout: 5_000 }).not.toBe(first);
    const phoneFirst = await onPhone.textContent();
    await expect.poll(() => onPhone.textContent(), { timeout: 5_000 }).not.toBe(phoneFirst);

    const stageBox = await expectInView(screen, onScreen);
    const phoneBox = await expectInView(phone, onPhone);
    // big on the projector, compact on the phone
    expect(stageBox.height).toBeGreaterThan(phoneBox.height);

    // the presenter's console: the countdown with its buttons
    const panel = presenter.locator('poll-panel');
    await panel.locator('poll-countdown [role="timer"]').waitFor();
    const before = await seconds(onPhone);
    await panel.getByRole('button', { name: '+30 s' }).click();
    await expect.poll(() => seconds(onPhone)).toBeGreaterThan(before + 20);

    await panel.getByRole('button', { name: 'Stop timer' }).click();
    await onPhone.waitFor({ state: 'detached' });
    await onScreen.waitFor({ state: 'detached' });
    expect(await panel.getByRole('button', { name: '+30 s' }).count()).toBe(0);
    // stopped, not closed: the phone can still answer
    await phone.getByRole('radio', { name: 'Summer' }).check();
    await phone.getByRole('button', { name: 'Send answer' }).click();
    await phone.getByText('Answer received').waitFor();
  });

  it('closes a 5-second poll by itself on the phone', async () => {
    await presenter.keyboard.press('ArrowRight');
    const onPhone = phone.locator('audience-poll poll-countdown [role="timer"]');
    await onPhone.waitFor();
    expect(await seconds(onPhone)).toBeLessThanOrEqual(5);
    await phone.locator('audience-poll').getByText('Poll closed').waitFor({ timeout: 10_000 });
    await onPhone.waitFor({ state: 'detached' });
    expect(await phone.getByRole('radio', { name: 'Tea' }).isDisabled()).toBe(true);
    await presenter.locator('poll-panel').getByText('Voting closed').waitFor();
  });

  it('asks an ad-hoc question with a countdown from the console', async () => {
    await presenter.getByText('Ask an ad-hoc question').click();
    await presenter.getByLabel('Question', { exact: true }).fill('Ready for lunch?');
    await presenter.getByLabel('Options, one per line').fill('Yes\nNo');
    await presenter.getByLabel(/^Countdown in seconds/).fill('30');
    await presenter.getByRole('button', { name: 'Ask now' }).click();
    await phone.getByRole('group', { name: 'Ready for lunch?' }).waitFor();
    const onPhone = phone.locator('audience-poll poll-countdown [role="timer"]');
    await onPhone.waitFor();
    expect(await seconds(onPhone)).toBeGreaterThan(20);
    expect(await seconds(onPhone)).toBeLessThanOrEqual(30);
    await presenter.locator('poll-panel poll-countdown [role="timer"]').waitFor();

    // a running countdown passes axe on the phone and the projector
    for (const [path, device] of [['/timed-talk', PHONE], ['/timed-talk/screen', PROJECTOR]] as const) {
      // bypassCSP: axe arrives as an inline script, which the page's policy rightly refuses
      const context = await e2e.browser.newContext({ ...device, bypassCSP: true });
      try {
        const page = await context.newPage();
        await page.goto(`${e2e.server.url}${path}`);
        await page.locator('poll-countdown [role="timer"]').waitFor();
        expect(await seriousViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('shows Time’s up at zero, and a tap after it hears the server’s time_up', async () => {
    // a phone that never hears the close (its socket drops that message): only the server can refuse it
    const context = await e2e.browser.newContext(PHONE);
    try {
      const late = await context.newPage();
      await late.routeWebSocket(/socket\.io/, (ws) => {
        const server = ws.connectToServer();
        server.onMessage((message) => {
          if (typeof message === 'string' && message.includes('"poll:active"') && message.includes('"late"') && message.includes('"closed"')) return;
          ws.send(message);
        });
      });
      await late.goto(`${e2e.server.url}/timed-talk`);
      await late.locator('audience-page connection-badge[status="live"]').waitFor();
      await presenter.keyboard.press('ArrowRight');
      await late.getByRole('group', { name: 'Last call?' }).waitFor();
      await late.getByRole('radio', { name: 'Now' }).check();
      await late.locator('audience-poll poll-countdown [role="timer"]').filter({ hasText: "Time's up" }).waitFor({ timeout: 10_000 });
      // the others have heard the close by now
      await phone.locator('audience-poll').getByText('Poll closed').waitFor();
      await late.getByRole('button', { name: 'Send answer' }).click();
      await late.getByRole('alert').getByText('Time is up: answers closed at 0:00.').waitFor();
      expect(await late.getByText('Answer received').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
