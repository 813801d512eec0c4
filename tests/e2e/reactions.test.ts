/**
 * Reactions in the browser: taps on phones rise on the screen in bursts (fading in place for
 * viewers who reduce motion), the presenter counts them per slide, and a phone that taps faster
 * than the server allows is told so politely.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECTOR, openPage } from '../helpers/browser.js';
import { deepText, openPhone, openPresenter, openScreen } from './views.js';
import { fixtureDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const DECK = fixtureDeck('ui-polls');

const e2e = useBrowserTest({ decks: [DECK] });
let slug: string;
let presenter: Page;
let screen: Page;
let phones: Page[];

// forced: a tapped button pops, and a thumb does not wait for the animation to settle
const tap = (phone: Page, name: string) => phone.getByRole('group', { name: 'Reactions' }).getByRole('button', { name }).click({ force: true });
/** The reactions floating on a screen now, as text. */
const floating = (page: Page) => page.locator('reaction-burst span').allTextContents();
/** The presenter's count for one kind on the current slide ("Applause: 3"). */
const count = async (name: string) => {
  const items = await presenter.locator('reaction-counts li').all();
  const texts = await Promise.all(items.map((li) => deepText(li)));
  return texts.find((t) => t.includes(`${name}:`))?.replace(/^.*:\s*/, '');
};

beforeAll(async () => {
  slug = e2e.server.slugs[0]!;
  presenter = await openPresenter(e2e.browser, e2e.server, slug);
  screen = await openScreen(e2e.browser, e2e.server, slug);
  phones = await Promise.all([0, 1].map(() => openPhone(e2e.browser, e2e.server, slug)));
}, 60_000);

describe('reactions', () => {
  it('float up the screen and add up on the presenter’s console', async () => {
    const [a, b] = phones as [Page, Page];
    await tap(a, 'Applause');
    await tap(a, 'Applause');
    await tap(b, 'Applause');
    await tap(b, 'Lost me');
    await expect.poll(() => floating(screen), { timeout: 2000 }).toEqual(expect.arrayContaining(['👏', 'Lost me']));
    expect((await floating(screen)).filter((t) => t === '👏')).toHaveLength(3);
    await expect.poll(() => count('Applause')).toBe('3');
    expect(await count('Lost me')).toBe('1');
    expect(await count('Love it')).toBe('0');
    // a burst is short: it is gone a few seconds later
    await expect.poll(() => floating(screen), { timeout: 6000 }).toEqual([]);
  });

  it('counts per slide: the next slide starts at zero', async () => {
    await presenter.keyboard.press('ArrowRight');
    await expect.poll(() => count('Applause')).toBe('0');
    await tap(phones[0]!, 'Mind blown');
    await expect.poll(() => count('Mind blown')).toBe('1');
    await presenter.keyboard.press('ArrowLeft');
    await expect.poll(() => count('Applause')).toBe('3');
  });

  it('fade in place on a screen that asks for reduced motion', async () => {
    const calm = await (await e2e.browser.newContext({ ...PROJECTOR, reducedMotion: 'reduce' })).newPage();
    await calm.goto(`${e2e.server.url}/${slug}/screen`);
    await calm.locator('slide-view').waitFor(); // the slides come after the socket's first state
    await tap(phones[1]!, 'Love it');
    const span = calm.locator('reaction-burst span').first();
    await span.waitFor({ timeout: 2000 });
    expect(await span.evaluate((el) => getComputedStyle(el).animationName)).toBe('fade');
    expect(await screen.locator('reaction-burst span').first().evaluate((el) => getComputedStyle(el).animationName)).toBe('rise');
  });

  it('tells a phone that taps too fast to slow down, politely', async () => {
    const phone = await openPhone(e2e.browser, e2e.server, slug);
    for (let i = 0; i < 16; i++) await tap(phone, 'Agree');
    const status = phone.locator('reaction-bar [role="status"]');
    await expect.poll(() => status.textContent()).toBe('So many reactions! Give it a second.');
    expect(await phone.getByRole('alert').count()).toBe(0);
  });

  it('gives every reaction button a name and a thumb-sized target', async () => {
    const phone = await openPage(e2e.browser, `${e2e.server.url}/${slug}`, { viewport: { width: 320, height: 640 }, isMobile: true, hasTouch: true });
    const buttons = phone.getByRole('group', { name: 'Reactions' }).getByRole('button');
    await buttons.first().waitFor();
    expect(await buttons.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')))).toEqual([
      'Applause',
      'Love it',
      'Funny',
      'Mind blown',
      'Agree',
      'Lost me',
    ]);
    const boxes = await buttons.evaluateAll((els) => els.map((el) => el.getBoundingClientRect()));
    expect(Math.min(...boxes.map((b) => b.height))).toBeGreaterThanOrEqual(44);
    expect(Math.min(...boxes.map((b) => b.width))).toBeGreaterThanOrEqual(40);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  });
});
