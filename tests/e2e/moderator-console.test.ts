/**
 * The moderator's console in the browser (/:slug/moderate with a moderator key): it moderates
 * questions, shows no slide controls, and is signed out from the presenter console's device list.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, openPage } from '../helpers/browser.js';
import { fixtureDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';
import { connect } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';
import { openPresenter } from './views.js';

const e2e = useBrowserTest({ decks: [fixtureDeck('moderated')] });
let moderator: Page;

beforeAll(async () => {
  const key = e2e.server.lectern.keys.keysFor('moderated').moderator;
  moderator = await openPage(e2e.browser, `${e2e.server.url}/moderated/moderate#key=${encodeURIComponent(key)}`, DESKTOP);
  await moderator.locator('presenter-page connection-badge[status="live"]').waitFor();
}, 60_000);

describe('the moderator console', () => {
  it('says it is the moderator, offers no slide controls, and keeps its session apart from the presenter key', async () => {
    await moderator.getByRole('heading', { name: /moderator/ }).waitFor();
    expect(await moderator.locator('presenter-controls').count()).toBe(0);
    await moderator.getByText('the presenter moves the slides').waitFor();
    expect(await moderator.title()).toMatch(/— moderator$/);
    const stored = await moderator.evaluate(() => ({ moderate: localStorage.getItem('lectern:key:moderated/moderate'), present: localStorage.getItem('lectern:key:moderated') }));
    expect(stored.moderate).toMatch(/^ls2\./);
    expect(stored.present).toBeNull();
    // the keyboard does not move the talk
    await moderator.keyboard.press('ArrowRight');
    const state = await (await fetch(`${e2e.server.url}/api/talks/moderated`)).json();
    expect(state.current).toBe(0);
  });

  it('approves a waiting question, which then reaches the phones', async () => {
    const phone = await connect(e2e.server.url, { talk: 'moderated', voter: newVoterId() });
    const asked = await phone.socket.emitWithAck('question:ask', { text: 'Is the recording online later?' });
    expect(asked).toMatchObject({ ok: true, data: { status: 'pending' } });
    const other = await connect(e2e.server.url, { talk: 'moderated', voter: newVoterId() });
    const shown = new Promise((resolve) => other.socket.on('questions:changed', (e) => e.questions.some((q) => q.status === 'approved') && resolve(e)));
    await moderator.locator('question-moderation').getByText('1 pending').waitFor();
    await moderator.getByRole('button', { name: 'Approve' }).click();
    await shown;
    phone.socket.close();
    other.socket.close();
  });

  it('is signed out from the presenter console, and asks for a key again', async () => {
    const presenter = await openPresenter(e2e.browser, e2e.server, 'moderated');
    await presenter.getByText(/^Signed-in devices/).click();
    await presenter.getByText(/moderator · connected/).waitFor();
    await presenter.getByRole('button', { name: 'Sign out all other devices' }).click();
    await moderator.getByRole('heading', { name: 'Moderator key' }).waitFor();
    expect(await moderator.getByRole('alert').textContent()).toMatch(/signed out/);
    expect(await moderator.evaluate(() => localStorage.getItem('lectern:key:moderated/moderate'))).toBeNull();
    // the presenter's own device (here signed in with the admin key) stays in; the list refreshed
    await presenter.getByText(/admin · this device · connected/).waitFor();
    expect(await presenter.getByText(/moderator · connected/).count()).toBe(0);
  });
});
