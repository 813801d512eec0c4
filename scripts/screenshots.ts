/**
 * Writes PNGs of every view into docs/screenshots/: the example deck (decks/homelab.md) on a
 * fresh in-process server with a temporary PGlite database, phones' votes cast over the socket,
 * and the pages shot in the system's Chromium at phone (390×844) and desktop (1280×800) size.
 * Run after `npm run build`: `tsx scripts/screenshots.ts`.
 */
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { pino } from 'pino';
import { io, type Socket } from 'socket.io-client';
import type { Answer, ClientToServerEvents, ServerToClientEvents } from '../server/contract/events.js';
import { EXAMPLE_DECK, parseConfig } from '../server/config.js';
import { startLectern } from '../server/lectern.js';
import { DESKTOP, PHONE, launchBrowser } from '../tests/helpers/browser.js';

const OUT = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const DIST = fileURLToPath(new URL('../dist/client/audience.html', import.meta.url));
const KEY = 'screenshots-key';
type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What the room answers to each poll of the example deck, by slide. */
const VOTES: Record<number, Answer[]> = {
  1: [...Array<string>(11).fill('DNS'), ...Array<string>(4).fill('Disks'), ...Array<string>(6).fill('Updates'), ...Array<string>(7).fill('Me, at 2am')],
  5: [['Media server', 'Home automation'], ['Git forge', 'Monitoring'], ['Media server'], ['Password manager', 'Media server'], ['Nothing (yet)'], ['Monitoring', 'Git forge', 'Media server']],
  9: ['chaos', 'cozy', 'loud', 'chaos', 'janky', 'chaos', 'cozy', 'home', 'overkill', 'chaos', 'warm', 'cozy', 'overkill', 'blinky'].map((w) => [w]),
  10: [2, 3, 3, 4, 1, 2, 3, 5, 2, 4, 3, 2, 1, 3],
  11: ['The garden irrigation', 'Certificate renewals, please', 'Restoring backups to a spare box every week', 'Turning the lights off when nobody is home'],
};

const connect = (url: string, auth: object) =>
  new Promise<LiveSocket>((resolve, reject) => {
    const s: LiveSocket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
    s.once('state', () => resolve(s));
    s.once('connect_error', reject);
  });

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
  await access(DIST).catch(() => {
    console.error('No build in dist/client: run `npm run build` first.');
    process.exit(1);
  });
  await mkdir(OUT, { recursive: true });
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-shots-'));
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', PRESENTER_KEY: KEY, DATA_DIR: dataDir, WATCH_DECKS: '0', PUBLIC_URL: 'https://talks.example.org' }, [EXAMPLE_DECK]);
  const lectern = await startLectern(config, pino({ level: 'silent' }));
  const url = `http://127.0.0.1:${lectern.port}`;
  const slug = lectern.talks.list()[0]!.deck.slug;
  const browser = await launchBrowser();
  const presenter = await connect(url, { talk: slug, key: KEY });
  const voters = await Promise.all(Array.from({ length: 28 }, (_, i) => connect(url, { talk: slug, voter: `screenshot-voter-${String(i).padStart(4, '0')}` })));
  let written = 0;

  const open = async (path: string, device: BrowserContextOptions, colorScheme: 'light' | 'dark' = 'dark') => {
    const context = await browser.newContext({ ...device, colorScheme, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${url}${path}`);
    return page;
  };
  const shot = async (page: Page, name: string, fullPage = false) => {
    await pause(400); // let throttled results and fonts settle
    await page.screenshot({ path: join(OUT, `${name}.png`), fullPage });
    written++;
  };
  const goto = async (index: number) => {
    await presenter.emitWithAck('slide:goto', { index });
    const active = await presenter.emitWithAck('state:get');
    const poll = active.ok ? active.data.active.poll : null;
    for (const [i, answer] of (VOTES[index] ?? []).entries()) {
      if (poll) await voters[i]!.emitWithAck('vote:cast', { poll: poll.id, answer });
    }
    await pause(600);
  };

  try {
    const screen = await open(`/${slug}/screen`, DESKTOP);
    await screen.locator('join-banner svg').waitFor();
    await shot(screen, 'screen-join-desktop');

    await goto(1);
    const phone = await open(`/${slug}`, PHONE);
    await phone.getByRole('radio', { name: 'DNS' }).check();
    await phone.getByRole('button', { name: 'Send answer' }).click();
    await phone.getByText('Answer received').waitFor();
    await phone.locator('audience-poll poll-results').scrollIntoViewIfNeeded();
    await shot(phone, 'audience-poll-phone');
    await screen.locator('poll-stage .bars').waitFor();
    await shot(screen, 'screen-results-desktop');
    const console_ = await open(`/${slug}/present#key=${KEY}`, DESKTOP);
    await console_.locator('poll-panel .bars').waitFor();
    await shot(console_, 'presenter-desktop');
    const remote = await open(`/${slug}/present#key=${KEY}`, PHONE);
    await remote.locator('poll-panel .bars').waitFor();
    await shot(remote, 'presenter-phone');

    await goto(5);
    await goto(9);
    await screen.locator('poll-stage .cloud').waitFor();
    await shot(screen, 'screen-words-desktop');
    await goto(10);
    const scalePhone = await open(`/${slug}`, PHONE);
    await scalePhone.getByRole('radio', { name: /^4/ }).check();
    await shot(scalePhone, 'audience-scale-phone');
    await goto(11);

    await goto(3);
    await phone.getByRole('heading', { name: 'One Nix module' }).waitFor();
    await shot(phone, 'audience-slide-phone');

    const results = await open(`/${slug}/results`, DESKTOP, 'light');
    await results.locator('results-page article').first().waitFor();
    await shot(results, 'results-desktop');
    const resultsPhone = await open(`/${slug}/results`, PHONE, 'dark');
    await resultsPhone.locator('results-page article').first().waitFor();
    await shot(resultsPhone, 'results-phone');
    console.log(`Wrote ${written} screenshots to docs/screenshots/`);
  } finally {
    [presenter, ...voters].forEach((s) => s.close());
    await browser.close();
    await lectern.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
