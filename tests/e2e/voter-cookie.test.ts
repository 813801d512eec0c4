/**
 * In the browser: a phone gets its voter id as an HTTP-only cookie before it connects, answers
 * with it, keeps it across a reload, and the presenter console says how many devices answered
 * from how many addresses.
 */
import { describe, expect, it } from 'vitest';
import { useBrowserTest } from '../helpers/e2e.js';
import { fixtureDeck } from '../helpers/decks.js';
import { openPhone, openPresenter } from './views.js';

const e2e = useBrowserTest({ decks: [fixtureDeck('polls')] });

describe('voter ids in the browser', () => {
  it('answers with a server-issued HTTP-only cookie, and the presenter sees devices and addresses', async () => {
    const presenter = await openPresenter(e2e.browser, e2e.server, 'polls');
    await presenter.keyboard.press('ArrowRight'); // the poll slide
    const phones = await Promise.all([1, 2].map(() => openPhone(e2e.browser, e2e.server, 'polls')));
    for (const phone of phones) {
      const cookies = await phone.context().cookies();
      const voter = cookies.find((c) => c.name === 'lectern_voter');
      expect(voter?.httpOnly).toBe(true);
      expect(voter?.sameSite).toBe('Lax');
      // page script cannot read it
      expect(await phone.evaluate(() => document.cookie)).not.toContain('lectern_voter');
      await phone.getByRole('radio', { name: 'DNS' }).check();
      await phone.getByRole('button', { name: 'Send answer' }).click();
      await phone.getByText('Answer received').waitFor();
    }
    await presenter.getByText('2 devices answered from 1 address').waitFor({ timeout: 5_000 });
    // a reload keeps the cookie, and with it the answer
    const before = (await phones[0]!.context().cookies()).find((c) => c.name === 'lectern_voter')?.value;
    await phones[0]!.reload();
    await phones[0]!.locator('audience-page connection-badge[status="live"]').waitFor();
    await phones[0]!.getByText('Answer received').waitFor();
    expect((await phones[0]!.context().cookies()).find((c) => c.name === 'lectern_voter')?.value).toBe(before);
  });
});
