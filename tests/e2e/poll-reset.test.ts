/**
 * A poll's life on a phone beyond voting: the presenter resets it (`poll:reset`) and the phone
 * shows the empty form again even though results are hidden from it; a poll the presenter has
 * not opened yet says so ("Voting hasn't started yet", from `openedAt`) instead of "Poll closed".
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPhone, openPresenter, resultRow } from './views.js';
import { useBrowserTest } from '../helpers/e2e.js';
import { tempDeck } from '../helpers/decks.js';

const DECK = `---
title: Reset demo
slug: resets
---

# Colours

\`\`\`poll
id: colour
question: Pick a colour
options: [Red, Blue]
results: hidden
\`\`\`

---

# Later

\`\`\`poll
id: later
question: Ready for the demo?
options: [Yes, No]
open: manual
\`\`\`
`;

const e2e = useBrowserTest(async () => ({ decks: [await tempDeck(DECK, {}, 'resets.md')] }));
let presenter: Page;
let phone: Page;

async function answer(option: string) {
  await phone.getByRole('radio', { name: option }).check();
  await phone.getByRole('button', { name: /send answer|change answer/i }).click();
  await phone.getByText('Answer received').waitFor();
}

beforeAll(async () => {
  presenter = await openPresenter(e2e.browser, e2e.server, 'resets');
  phone = await openPhone(e2e.browser, e2e.server, 'resets');
}, 60_000);

describe('a poll reset and a poll not yet open', () => {
  it('shows the form again on a phone after the presenter resets the poll', async () => {
    await answer('Red');
    await phone.getByText('The presenter will show the results.').waitFor();
    await expect.poll(() => resultRow(presenter, 'Red')).toBe('Red 1 · 100%');

    presenter.once('dialog', (d) => void d.accept());
    await presenter.getByRole('button', { name: 'Reset answers' }).click();
    await phone.getByText('Answer received').waitFor({ state: 'detached' });
    await phone.getByRole('button', { name: 'Send answer' }).waitFor();
    expect(await phone.getByRole('radio', { name: 'Red' }).isChecked()).toBe(false);
    await expect.poll(() => resultRow(presenter, 'Red')).toBe('Red 0 · 0%');

    // and it may answer again, counted once
    await answer('Blue');
    await expect.poll(() => resultRow(presenter, 'Blue')).toBe('Blue 1 · 100%');
  });

  it('says voting has not started on a poll the presenter has not opened, then follows it', async () => {
    await presenter.keyboard.press('ArrowRight');
    await phone.getByRole('group', { name: 'Ready for the demo?' }).waitFor();
    const poll = phone.locator('audience-poll');
    await poll.getByText("Voting hasn't started yet").waitFor();
    expect(await poll.getByText('Poll closed').count()).toBe(0);
    expect(await phone.getByRole('radio', { name: 'Yes' }).isDisabled()).toBe(true);
    await presenter.getByText('Not opened yet').waitFor();

    await presenter.getByRole('button', { name: 'Open voting' }).click();
    await phone.getByRole('button', { name: 'Send answer' }).waitFor();
    await presenter.getByRole('button', { name: 'Close voting' }).click();
    await poll.getByText('Poll closed', { exact: true }).waitFor();
    expect(await poll.getByText("Voting hasn't started yet").count()).toBe(0);
  });
});
