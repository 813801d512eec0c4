/**
 * Builds, as a room sees them: the presenter steps through a slide whose list builds item by
 * item; a phone and the screen show 1, 2, 3 items in turn, the newest animated in; a phone that
 * joins at step 2 shows two; the console shows the step and what comes next. And nothing read
 * ahead: neither the keyless API nor any websocket frame a phone received holds the third item
 * before it is revealed, nor anything of a slide not shown yet.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PHONE, PROJECTOR, openPage } from '../helpers/browser.js';
import { tempDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';
import { startTestServer } from '../helpers/server.js';
import { connect } from '../helpers/sockets.js';
import { openPresenter } from './views.js';

const DECK = `---
title: Builds
---

# Welcome

---

## Three reasons

+ Reproducible builds
+ Atomic upgrades
+ Rollbacks that work

---

## Afterwards

Secret final slide text.
`;

const CODE = `---
title: Code steps
---

## One module

\`\`\`nix {1|3-4}
{ pkgs, ... }:
{
  services.lectern.enable = true;
  services.lectern.openFirewall = true;
}
\`\`\`
`;

const e2e = useBrowserTest(async () => ({ decks: [await tempDeck(DECK, {}, 'builds.md'), await tempDeck(CODE, {}, 'code-steps.md')] }));

/** The code lines a view highlights (its other lines dimmed), 1-based. */
function highlightedLines(page: Page, host: string): Promise<number[]> {
  return page.evaluate((host) => {
    const view = document.querySelector(host)!.shadowRoot!.querySelector('slide-view')!;
    return [...view.shadowRoot!.querySelectorAll('pre .line')].flatMap((line, i) => (line.classList.contains('hl') ? [i + 1] : []));
  }, host);
}

/** The list items a view shows (hidden ones do not count), inside its slide-view. */
function visibleItems(page: Page, host: string): Promise<string[]> {
  return page.evaluate((host) => {
    const view = document.querySelector(host)!.shadowRoot!.querySelector('slide-view');
    return [...(view?.shadowRoot?.querySelectorAll('li') ?? [])].filter((li) => li.checkVisibility()).map((li) => li.textContent!.trim());
  }, host);
}

async function waitForItems(page: Page, host: string, count: number) {
  await page.waitForFunction(
    ({ host, count }) => {
      const view = document.querySelector(host)!.shadowRoot!.querySelector('slide-view');
      return [...(view?.shadowRoot?.querySelectorAll('li') ?? [])].filter((li) => li.checkVisibility()).length === count;
    },
    { host, count },
    { timeout: 10_000 },
  );
}

/** Every websocket frame a page receives, as text. */
function frames(page: Page): string[] {
  const received: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', (f) => received.push(typeof f.payload === 'string' ? f.payload : f.payload.toString())));
  return received;
}

describe('a slide that builds', () => {
  it('reveals item by item on the phone and the screen, and never sends what is ahead', async () => {
    const presenter = await openPresenter(e2e.browser, e2e.server, 'builds');
    const phone = await openPage(e2e.browser, `about:blank`, PHONE);
    const phoneFrames = frames(phone);
    await phone.goto(`${e2e.server.url}/builds`);
    await phone.locator('audience-page connection-badge[status="live"]').waitFor();
    const screen = await openPage(e2e.browser, `${e2e.server.url}/builds/screen`, PROJECTOR);
    try {
      await presenter.keyboard.press('ArrowRight'); // slide 2, step 0: the heading, no item yet
      await waitForItems(phone, 'audience-page', 0);
      await phone.locator('audience-page slide-view').getByText('Three reasons').waitFor();
      expect(await presenter.locator('presenter-page header .step').textContent()).toBe('Step 0 of 3');

      for (const count of [1, 2]) {
        await presenter.keyboard.press('ArrowRight');
        await waitForItems(phone, 'audience-page', count);
        await waitForItems(screen, 'screen-page', count);
      }
      expect(await visibleItems(phone, 'audience-page')).toEqual(['Reproducible builds', 'Atomic upgrades']);
      // the newest item came in animated
      expect(await phone.evaluate(() => document.querySelector('audience-page')!.shadowRoot!.querySelector('slide-view')!.shadowRoot!.querySelector('li.step-new')?.textContent)).toBe('Atomic upgrades');
      // the console shows where the build is, and the next step
      expect(await presenter.locator('presenter-page header .step').textContent()).toBe('Step 2 of 3');
      expect(await presenter.locator('presenter-page #next-h').textContent()).toBe('Next: step 3');

      // a phone that joins now lands on the same slide and step
      const late = await openPage(e2e.browser, `${e2e.server.url}/builds`, PHONE);
      await waitForItems(late, 'audience-page', 2);
      await late.context().close();

      // nothing of step 3 or of the last slide reached a phone, nor the keyless API
      const api = await (await fetch(`${e2e.server.url}/api/talks/builds`)).text();
      for (const text of ['Rollbacks that work', 'Secret final slide text']) {
        expect(api).not.toContain(text);
        expect(phoneFrames.join('\n')).not.toContain(text);
      }

      await presenter.keyboard.press('ArrowRight');
      await waitForItems(phone, 'audience-page', 3);
      await waitForItems(screen, 'screen-page', 3);
      expect(phoneFrames.join('\n')).toContain('Rollbacks that work');
      expect(phoneFrames.join('\n')).not.toContain('Secret final slide text');

      // back: one step at a time
      await presenter.keyboard.press('ArrowLeft');
      await waitForItems(phone, 'audience-page', 2);
    } finally {
      await Promise.all([presenter, phone, screen].map((p) => p.context().close()));
    }
  }, 90_000);

  it('steps a code block through its highlighted line ranges on the phone and the screen', async () => {
    const presenter = await openPresenter(e2e.browser, e2e.server, 'code-steps');
    const phone = await openPage(e2e.browser, `${e2e.server.url}/code-steps`, PHONE);
    const screen = await openPage(e2e.browser, `${e2e.server.url}/code-steps/screen`, PROJECTOR);
    try {
      const expectLines = async (lines: number[]) => {
        for (const [page, host] of [
          [phone, 'audience-page'],
          [screen, 'screen-page'],
          [presenter, 'presenter-page'],
        ] as const) {
          await expect.poll(() => highlightedLines(page, host), { timeout: 10_000 }).toEqual(lines);
        }
      };
      await expectLines([1]);
      await presenter.keyboard.press('ArrowRight');
      await expectLines([3, 4]);
      await presenter.keyboard.press('ArrowLeft');
      await expectLines([1]);
    } finally {
      await Promise.all([presenter, phone, screen].map((p) => p.context().close()));
    }
  }, 60_000);

  it('lands a phone on the same slide and step after the server restarts', async () => {
    const deck = await tempDeck(DECK, {}, 'restart-builds.md');
    const first = await startTestServer({ decks: [deck] });
    const presenter = await connect(first.url, { talk: 'restart-builds', key: first.key });
    await presenter.socket.emitWithAck('slide:goto', { index: 1, step: 2 });
    presenter.socket.close();
    await first.close({ keepDatabase: true });
    const second = await startTestServer({ decks: [deck], database: first.database });
    const phone = await openPage(e2e.browser, `${second.url}/restart-builds`, PHONE);
    try {
      await waitForItems(phone, 'audience-page', 2);
      expect(await visibleItems(phone, 'audience-page')).toEqual(['Reproducible builds', 'Atomic upgrades']);
    } finally {
      await phone.context().close();
      await second.close();
    }
  }, 60_000);
});
