/**
 * Audience Q&A in the browser, open mode: phones ask and upvote, the presenter pins a question
 * and the screen shows it with its votes as they change; answered and hidden questions; inline
 * code rendered as code and markup shown as text; a deck with `qa: off` shows no Questions at all.
 * Needs the built client (`npm run build`, which `npm test` runs first).
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { PHONE } from '../helpers/browser.js';
import { ask, deepText, openPhone, openPresenter, openQuestions, openScreen, questionRow } from './views.js';
import { fixtureDeck, tempDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const DECK = fixtureDeck('ui-polls');
const OFF_DECK = `---\ntitle: No questions please\nslug: quiet\nqa: off\n---\n\n# Quiet talk\n\nJust slides.\n`;

const BACKUP = 'How do you back up `/var/lib` with `restic`?';
const MARKUP = 'Is <b>DNS</b> always to blame?';

const e2e = useBrowserTest(async () => ({ decks: [DECK, await tempDeck(OFF_DECK, {}, 'quiet.md')] }));
let slug: string;
let presenter: Page;
let screen: Page;
let phones: Page[];

/** The upvote button of a question on a phone. */
const upvote = (phone: Page, text: string) => questionRow(phone, 'question-list', text).getByRole('button', { name: /^Upvote/ });
const pinned = () => deepText(screen.locator('pinned-question'));

beforeAll(async () => {
  slug = e2e.server.slugs.find((s) => s !== 'quiet')!;
  presenter = await openPresenter(e2e.browser, e2e.server, slug);
  screen = await openScreen(e2e.browser, e2e.server, slug);
  phones = await Promise.all([0, 1, 2].map(() => openPhone(e2e.browser, e2e.server, slug)));
  await Promise.all(phones.map(openQuestions));
}, 60_000);

describe('questions from the audience', () => {
  it('lets phones ask and upvote, and the screen shows the question the presenter pins', async () => {
    const [ana, ben, cy] = phones as [Page, Page, Page];
    await ask(ana, BACKUP, 'Ana');
    await ask(ben, MARKUP);
    // everyone sees both at once; the button counts them
    await questionRow(cy, 'question-list', 'back up').waitFor();
    await questionRow(cy, 'question-list', 'always to blame').waitFor();
    expect(await cy.getByRole('button', { name: /^Questions/ }).textContent()).toMatch(/Questions\s*2/);

    await upvote(ben, 'back up').click();
    await upvote(cy, 'back up').click();
    await expect.poll(() => upvote(cy, 'back up').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => upvote(ana, 'back up').getAttribute('aria-label')).toBe('Upvote, 2 votes');
    // withdrawing an upvote takes it back
    await upvote(cy, 'always to blame').click();
    await upvote(cy, 'always to blame').click();
    await expect.poll(() => upvote(ben, 'always to blame').getAttribute('aria-label')).toBe('Upvote, 0 votes');

    // most upvoted first; "Newest" turns the order around
    const order = () => cy.locator('question-list li question-text').evaluateAll((els) => els.map((el) => el.shadowRoot?.textContent ?? ''));
    expect((await order())[0]).toContain('back up');
    await cy.getByRole('button', { name: 'Newest' }).click();
    expect((await order())[0]).toContain('always to blame');

    await questionRow(presenter, 'question-moderation', 'back up').getByRole('button', { name: 'Pin to screen' }).click();
    await expect.poll(pinned).toBe('Question from Ana How do you back up /var/lib with restic? ▲ 2 votes');
    expect(await screen.locator('pinned-question question-text code').allTextContents()).toEqual(['/var/lib', 'restic']);
    await questionRow(ana, 'question-list', 'back up').getByText('On screen now').waitFor();

    // a new upvote reaches the screen within the batching interval
    await upvote(ana, 'back up').click();
    await expect.poll(pinned, { timeout: 2000 }).toContain('▲ 3 votes');
  });

  it('shows markup in a question as text, never as markup', async () => {
    const row = questionRow(phones[2]!, 'question-list', 'always to blame');
    expect(await deepText(row.locator('question-text'))).toBe(MARKUP);
    expect(await row.locator('question-text b').count()).toBe(0);
  });

  it('moves the pin, marks answered questions and hides others from the room', async () => {
    const row = (text: string) => questionRow(presenter, 'question-moderation', text);
    await row('always to blame').getByRole('button', { name: 'Pin to screen' }).click();
    await expect.poll(pinned).toBe(`Question from Anonymous ${MARKUP} ▲ 0 votes`);
    await row('back up').getByRole('button', { name: 'Unpin' }).waitFor({ state: 'detached' });

    await row('back up').getByRole('button', { name: 'Mark answered' }).click();
    await Promise.all(phones.map((p) => questionRow(p, 'question-list', 'back up').getByText('✓ Answered').waitFor()));

    await row('always to blame').getByRole('button', { name: 'Hide' }).click();
    await Promise.all(phones.map((p) => questionRow(p, 'question-list', 'always to blame').waitFor({ state: 'detached' })));
    // hiding unpins: the screen has no question; the presenter still has it, marked
    await screen.locator('pinned-question figure').waitFor({ state: 'detached' });
    await row('always to blame').getByText('Hidden').waitFor();
    await row('always to blame').getByRole('button', { name: 'Restore' }).waitFor();
  });

  it('counts characters as a question is typed and stops at 280', async () => {
    const phone = phones[0]!;
    await phone.getByLabel('Your question').fill('x'.repeat(300));
    expect(await phone.getByText(/characters$/).textContent()).toBe('280 / 280 characters');
    await phone.getByLabel('Your question').fill('');
    expect(await phone.getByRole('button', { name: 'Ask', exact: true }).isDisabled()).toBe(true);
  });

  it('fits a 320 px phone, with upvote buttons large enough for a thumb', async () => {
    const phone = phones[1]!;
    await phone.setViewportSize({ width: 320, height: 640 });
    await questionRow(phone, 'question-list', 'back up').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const box = await upvote(phone, 'back up').boundingBox();
    expect(Math.min(box!.width, box!.height)).toBeGreaterThanOrEqual(48);
    await phone.setViewportSize({ width: 390, height: 844 });
  });

  it('offers no Questions on a talk that turned Q&A off, but still takes reactions', async () => {
    const phone = await openPhone(e2e.browser, e2e.server, 'quiet', PHONE);
    await phone.getByRole('heading', { name: 'Quiet talk' }).waitFor();
    expect(await phone.getByRole('button', { name: /^Questions/ }).count()).toBe(0);
    await phone.getByRole('group', { name: 'Reactions' }).getByRole('button', { name: 'Applause' }).waitFor();
    const console_ = await openPresenter(e2e.browser, e2e.server, 'quiet');
    await console_.getByText('Questions are off for this talk').waitFor();
  });
});
