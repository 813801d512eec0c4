/**
 * Moderated Q&A (`qa: moderated` in the deck): a phone's question reaches the presenter only,
 * waits on the asking phone as "Awaiting approval", and reaches every phone once approved.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ask, openPhone, openPresenter, openQuestions, questionRow } from './views.js';
import { fixtureDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const DECK = fixtureDeck('moderated');
const QUESTION = 'Which reverse proxy do you run?';

const e2e = useBrowserTest({ decks: [DECK] });
let presenter: Page;
let asker: Page;
let other: Page;

beforeAll(async () => {
  const slug = e2e.server.slugs[0]!;
  presenter = await openPresenter(e2e.browser, e2e.server, slug);
  [asker, other] = await Promise.all([openPhone(e2e.browser, e2e.server, slug), openPhone(e2e.browser, e2e.server, slug)]);
  await Promise.all([asker, other].map(openQuestions));
}, 60_000);

describe('moderated questions', () => {
  it('shows a new question to the presenter and its asker only', async () => {
    await asker.getByText('The presenter approves questions before everyone sees them.').waitFor();
    await ask(asker, QUESTION);
    await asker.getByText('✓ Sent — the presenter will approve it').waitFor();
    await questionRow(asker, 'question-list', QUESTION).getByText('Awaiting approval').waitFor();
    // not upvotable while pending
    expect(await questionRow(asker, 'question-list', QUESTION).getByRole('button', { name: /^Upvote/ }).count()).toBe(0);

    const row = questionRow(presenter, 'question-moderation', QUESTION);
    await row.getByText('Pending', { exact: true }).waitFor();
    await presenter.getByText('Pending only (1)').waitFor();
    // the other phone hears nothing of it
    await new Promise((r) => setTimeout(r, 500));
    expect(await questionRow(other, 'question-list', QUESTION).count()).toBe(0);
    await other.getByText('No questions yet. Ask the first one!').waitFor();
  });

  it('filters the presenter’s list to pending questions', async () => {
    await presenter.getByLabel('Pending only (1)').check();
    expect(await presenter.locator('question-moderation li').count()).toBe(1);
    await presenter.getByLabel('Pending only (1)').uncheck();
  });

  it('shows the question on every phone once the presenter approves it', async () => {
    await questionRow(presenter, 'question-moderation', QUESTION).getByRole('button', { name: 'Approve' }).click();
    await questionRow(other, 'question-list', QUESTION).waitFor();
    await presenter.getByText('Pending only (0)').waitFor();
    // the asker's copy is approved too, and it can be upvoted now
    const mine = questionRow(asker, 'question-list', QUESTION);
    await mine.getByText('Awaiting approval').waitFor({ state: 'detached' });
    await mine.getByText('Anonymous (you)').waitFor(); // still marked as this phone's own
    await questionRow(other, 'question-list', QUESTION).getByRole('button', { name: /^Upvote/ }).click();
    await expect.poll(() => mine.getByRole('button', { name: /^Upvote/ }).getAttribute('aria-label')).toBe('Upvote, 1 vote');
  });

  it('keeps a phone’s own pending question across a reload', async () => {
    await ask(asker, 'Is the second one still mine?');
    await asker.reload();
    await asker.locator('audience-page connection-badge[status="live"]').waitFor();
    await openQuestions(asker);
    await questionRow(asker, 'question-list', 'still mine').getByText('Awaiting approval').waitFor();
    expect(await questionRow(other, 'question-list', 'still mine').count()).toBe(0);
  });
});
