/**
 * The engagement timeline of a run of the example deck (decks/homelab.md): the presenter drives a
 * few slides while phones react, answer the poll and ask; the results page then shows, per slide,
 * the time spent, reactions by kind, answers and questions, marks where "lost me" peaked and
 * where the room went quiet, and lists the run's questions. No serious axe finding, light or dark.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DECK } from '../../server/config.js';
import { DESKTOP, openPage } from '../helpers/browser.js';
import { seriousViolations } from './axe.js';
import { ask, deepText, openPhone, openPresenter, openQuestions } from './views.js';
import { useBrowserTest } from '../helpers/e2e.js';

const e2e = useBrowserTest({ decks: [EXAMPLE_DECK] });
let results: Page;

const tap = (phone: Page, name: string) => phone.getByRole('group', { name: 'Reactions' }).getByRole('button', { name }).click({ force: true });
/** Waits until the presenter's console counts `n` reactions of a kind on the current slide. */
const counted = (presenter: Page, name: string, n: number) =>
  presenter.locator('reaction-counts li', { hasText: `${name}: ${n}` }).waitFor({ timeout: 3000 });
/** The timeline's row for a slide, as text per cell. */
const row = async (title: string) => {
  const cells = results.locator('engagement-timeline tbody tr', { hasText: title }).locator('th, td');
  return Promise.all((await cells.all()).map((c) => deepText(c)));
};

beforeAll(async () => {
  const presenter = await openPresenter(e2e.browser, e2e.server, 'homelab');
  const [a, b] = await Promise.all([openPhone(e2e.browser, e2e.server, 'homelab'), openPhone(e2e.browser, e2e.server, 'homelab')]);

  // slide 1: applause
  await tap(a, 'Applause');
  await tap(b, 'Applause');
  await counted(presenter, 'Applause', 2);
  // slide 2: the poll opens; both answer, one asks
  await presenter.keyboard.press('ArrowRight');
  for (const [phone, option] of [[a, 'DNS'], [b, 'Disks']] as const) {
    await phone.getByRole('radio', { name: option }).check();
    await phone.getByRole('button', { name: 'Send answer' }).click();
    await phone.getByText('Answer received').waitFor();
  }
  await openQuestions(a);
  await ask(a, 'Does `restic` dedupe across hosts?');
  // slide 3: the room is lost
  await presenter.keyboard.press('ArrowRight');
  await tap(a, 'Lost me');
  await tap(b, 'Lost me');
  await tap(b, 'Lost me');
  await counted(presenter, 'Lost me', 3);
  // slide 4: the talk is here when the results are read
  await presenter.keyboard.press('ArrowRight');
  await presenter.getByRole('heading', { name: 'One Nix module' }).first().waitFor();
  await new Promise((r) => setTimeout(r, 1100)); // a second on it, so its time shows

  results = await openPage(e2e.browser, `${e2e.server.url}/homelab/results`, DESKTOP);
  await results.locator('engagement-timeline table').waitFor();
}, 90_000);

describe('the engagement timeline', () => {
  it('has a row per slide with time, reactions, answers and questions', async () => {
    const table = results.getByRole('table', { name: /Engagement per slide/ });
    expect(await table.getByRole('row').count()).toBe(1 + 12); // the header and 12 slides
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Slide', 'Time', 'Reactions', 'Answers', 'Questions']);

    const [title, time, reactions, answers, questions] = await row('Warm-up');
    expect(title).toBe('2 Warm-up');
    expect(time).toMatch(/^\d\d:\d\d$/);
    expect([reactions, answers, questions]).toEqual(['0', '2', '1']);

    const first = await row('Live talks from a homelab');
    expect(first[2]).toContain('Applause 2');
    expect(first.slice(3)).toEqual(['0', '0']);
    expect((await row('One Nix module'))[1]).not.toBe('00:00');
    // slides the talk never reached took no time, and the public page does not name them
    // (nothing read ahead: "Ship it" is slide 5, not shown yet)
    expect((await row('Slide 5'))[1]).toBe('00:00');
    expect(await deepText(results.locator('engagement-timeline'))).not.toContain('Ship it');
  });

  it('marks where "lost me" peaked and where the room went quiet', async () => {
    const [title, , reactions] = await row('The whole setup');
    expect(title).toBe('3 The whole setup Lost me peak Drop');
    expect(reactions).toBe('Lost me 3');
    const findings = await results.locator('engagement-timeline .findings li').all();
    expect(await Promise.all(findings.map((li) => deepText(li)))).toEqual([
      'Lost me peaked on slide 3, “The whole setup”: 3 taps.',
      'Drop Engagement fell most on slide 3, “The whole setup”: from 3 to 0 (reactions, answers and questions).',
    ]);
  });

  it('lists the run’s questions with their votes', async () => {
    await results.getByRole('heading', { name: 'Questions', level: 2 }).waitFor();
    const items = await results.locator('run-questions li').all();
    expect(await Promise.all(items.map((li) => deepText(li)))).toEqual(['▲ 0 votes Does restic dedupe across hosts? Anonymous · slide 2']);
    expect(await results.locator('run-questions question-text code').textContent()).toBe('restic');
  });

  it.each(['light', 'dark'] as const)('has no serious accessibility violations in %s mode', async (colorScheme) => {
    const context = await e2e.browser.newContext({ ...DESKTOP, colorScheme, bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(`${e2e.server.url}/homelab/results`);
      await page.locator('engagement-timeline table').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
