/**
 * axe-core on every view, light and dark, in the states people meet them in: a phone that
 * answered a poll, a phone's Questions panel, the screen with results and the join code and with
 * a pinned question and reactions, the presenter console with questions to moderate (open and
 * moderated), the key form, the results page and the talk list. No serious or critical
 * violation is allowed.
 */
import type { BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_DECK } from '../../server/config.js';
import { DESKTOP, PHONE, PROJECTOR } from '../helpers/browser.js';
import { FIXTURE_DECK, startTestServer, type TestServer } from '../helpers/server.js';
import { connect } from '../helpers/sockets.js';
import { seriousViolations } from './axe.js';
import { openQuestions } from './views.js';
import { fixtureDeck } from '../helpers/decks.js';
import { useBrowserTest } from '../helpers/e2e.js';

const DECK = fixtureDeck('ui-polls');
const MODERATED = fixtureDeck('moderated');

const e2e = useBrowserTest({ decks: [DECK, FIXTURE_DECK, MODERATED] });
let slug: string;

interface View {
  name: string;
  path: () => string;
  device: BrowserContextOptions;
  /** Brings the page into the state worth checking. */
  ready: (page: Page) => Promise<void>;
}

const views: View[] = [
  {
    name: 'audience, after answering',
    path: () => `/${slug}`,
    device: PHONE,
    ready: async (page) => {
      await page.getByRole('radio', { name: 'Disks' }).check();
      await page.getByRole('button', { name: 'Send answer' }).click();
      await page.getByText('Answer received').waitFor();
      await page.locator('audience-poll poll-results .bars').waitFor();
    },
  },
  {
    name: 'audience, questions',
    path: () => `/${slug}`,
    device: PHONE,
    ready: async (page) => {
      await openQuestions(page);
      await page.locator('question-list li').first().waitFor();
      await page.getByRole('group', { name: 'Reactions' }).getByRole('button', { name: 'Applause' }).click();
    },
  },
  {
    name: 'screen, pinned question and reactions',
    path: () => `/${slug}/screen`,
    device: PROJECTOR,
    ready: async (page) => {
      await page.locator('pinned-question figure').waitFor();
      await page.locator('slide-view, poll-stage').first().waitFor();
      const { socket } = await connect(e2e.server.url, { talk: slug, voter: 'a11y-voter-2222222222' });
      await socket.emitWithAck('reaction:send', { kind: 'lost' });
      socket.close();
      await page.locator('reaction-burst span').first().waitFor();
      // axe reads one frame: hold each rising reaction at its fully shown keyframe (12 %), not mid-fade
      await page.locator('reaction-burst').evaluate((el) =>
        el.shadowRoot!.getAnimations().forEach((a) => {
          const { delay = 0, duration } = a.effect!.getComputedTiming();
          a.pause();
          a.currentTime = Number(delay) + 0.12 * Number(duration);
        }),
      );
    },
  },
  {
    name: 'presenter console, moderated questions',
    path: () => `/moderated/present#key=${e2e.server.key}`,
    device: DESKTOP,
    ready: (page) => page.locator('question-moderation li').first().waitFor(),
  },
  {
    name: 'screen, results and join code',
    path: () => `/${slug}/screen`,
    device: PROJECTOR,
    ready: async (page) => {
      await page.locator('poll-stage poll-results .bars').waitFor();
      await page.keyboard.press('j');
      await page.getByRole('img', { name: /QR code to join/ }).waitFor();
    },
  },
  {
    name: 'presenter console',
    path: () => `/${slug}/present#key=${e2e.server.key}`,
    device: DESKTOP,
    ready: async (page) => {
      await page.locator('poll-panel poll-results .bars').waitFor();
      await page.locator('question-moderation li').first().waitFor();
      await page.getByText('Ask an ad-hoc question').click();
    },
  },
  {
    name: 'presenter key form',
    path: () => `/${slug}/present`,
    device: DESKTOP,
    ready: (page) => page.getByRole('heading', { name: 'Presenter key' }).waitFor(),
  },
  {
    name: 'results',
    path: () => `/${slug}/results`,
    device: DESKTOP,
    ready: async (page) => {
      await page.locator('results-page article poll-results .bars').waitFor();
      await page.locator('engagement-timeline table').waitFor();
    },
  },
  {
    name: 'talk list',
    path: () => '/',
    device: DESKTOP,
    ready: (page) => page.getByRole('heading', { name: 'Poll demo' }).waitFor(),
  },
];

beforeAll(async () => {
  // two talks, so `/` shows the list instead of redirecting to the only talk
  slug = e2e.server.slugs.find((s) => s !== 'basic' && s.includes('poll')) ?? e2e.server.slugs[0]!;
  const res = await fetch(`${e2e.server.url}/api/talks/${slug}/slide`, {
    method: 'POST',
    headers: { authorization: `Bearer ${e2e.server.key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ index: 1 }), // the poll slide
  });
  expect(res.ok).toBe(true);
  await seedQuestions();
}, 60_000);

/** Questions in both talks: one pinned and one answered in the open talk, one pending in the moderated one. */
async function seedQuestions() {
  const { socket: phone } = await connect(e2e.server.url, { talk: slug, voter: 'a11y-voter-0000000000' });
  const { socket: staff } = await connect(e2e.server.url, { talk: slug, key: e2e.server.key });
  const asked = await phone.emitWithAck('question:ask', { text: 'Why `systemd` and not `runit`?', name: 'Ana' });
  const other = await phone.emitWithAck('question:ask', { text: 'Is it always DNS?' });
  if (!asked.ok || !other.ok) throw new Error('could not ask');
  await staff.emitWithAck('question:moderate', { id: asked.data.id, action: 'pin' });
  await staff.emitWithAck('question:moderate', { id: other.data.id, action: 'answer' });
  const { socket: moderated } = await connect(e2e.server.url, { talk: 'moderated', voter: 'a11y-voter-1111111111' });
  await moderated.emitWithAck('question:ask', { text: 'Waiting for approval?' });
  [phone, staff, moderated].forEach((s) => s.close());
}

/** Opens a view in a fresh context, brings it into shape, and runs axe. */
async function check(url: string, view: Pick<View, 'device' | 'ready'>, colorScheme: 'light' | 'dark') {
  // bypassCSP: the page's policy rightly refuses inline scripts, and axe arrives as one
  const context = await e2e.browser.newContext({ ...view.device, colorScheme, bypassCSP: true });
  try {
    const page = await context.newPage();
    await page.goto(url);
    await view.ready(page);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await context.close();
  }
}

describe.each(['light', 'dark'] as const)('accessibility in %s mode', (colorScheme) => {
  it.each(views)('$name has no serious violations', (view) => check(`${e2e.server.url}${view.path()}`, view, colorScheme));
});

describe('a deck’s own colours (the example deck: dark, teal accent)', () => {
  let own: TestServer;
  beforeAll(async () => {
    own = await startTestServer({ decks: [EXAMPLE_DECK] });
  }, 60_000);
  afterAll(() => own?.close());

  const deckViews = [
    { name: 'audience', path: () => '/homelab', device: PHONE },
    { name: 'screen with the join code', path: () => '/homelab/screen', device: PROJECTOR },
    { name: 'presenter console', path: () => `/homelab/present#key=${own.key}`, device: DESKTOP },
  ];

  it.each(deckViews)('$name keeps its text readable', (view) => {
    const ready = async (page: Page) => {
      await page.locator('slide-view').first().waitFor();
      if (view.name.startsWith('screen')) await page.getByRole('img', { name: /QR code/ }).waitFor();
    };
    return check(`${own.url}${view.path()}`, { device: view.device, ready }, 'light');
  });
});
