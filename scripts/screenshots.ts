/**
 * Writes PNGs of every view into docs/screenshots/: the example deck (decks/homelab.md) on a
 * fresh in-process server with a temporary PGlite database, a room of phones answering, asking,
 * upvoting and reacting over the socket, and the pages shot in the system's Chromium at phone
 * (390×844) and desktop (1280×800) size. The talk takes about half a minute, so the engagement
 * timeline has real time in it. Run after `npm run build`: `tsx scripts/screenshots.ts`.
 */
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { pino } from 'pino';
import { io, type Socket } from 'socket.io-client';
import type { Answer, ClientToServerEvents, ReactionKind, ServerToClientEvents } from '../contract/events.js';
import { EXAMPLE_DECK, parseConfig } from '../server/config.js';
import { startLectern } from '../server/lectern.js';
import { signVoterId, VOTER_COOKIE } from '../server/auth/voter-cookie.js';
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

/** How the room reacts to each slide (taps of each kind), and how long the speaker stays there (s). */
const ROOM: Record<number, { stay: number; react?: Partial<Record<ReactionKind, number>> }> = {
  0: { stay: 2, react: { clap: 6, heart: 3 } },
  1: { stay: 3, react: { laugh: 5, thumbsup: 2 } },
  2: { stay: 2, react: { mindblown: 2 } },
  3: { stay: 4, react: { lost: 7, mindblown: 1 } },
  4: { stay: 2, react: { thumbsup: 3 } },
  8: { stay: 2, react: { laugh: 4, clap: 2 } },
};

/** Questions from the room: [slide, asker, text, name?, upvotes]. */
const QUESTIONS: [number, number, string, string | undefined, number][] = [
  [1, 3, 'Is it really always DNS, or is that just a meme?', undefined, 6],
  [3, 4, 'How do you keep secrets out of the Nix store? `agenix` or `sops-nix`?', 'Priya', 14],
  [3, 5, 'Does `nixos-rebuild --rollback` also roll back the database schema?', 'Tom', 9],
  [8, 6, 'Which UPS do you use, and does it shut the box down cleanly?', undefined, 3],
];

/** Signs the scripted phones' voter cookies (the server is given the same VOTER_SECRET). */
const VOTER_SECRET = 'screenshots-voter-secret-0123456789abcdef';

const connect = (url: string, auth: object) =>
  new Promise<LiveSocket>((resolve, reject) => {
    // a phone's voter id comes from its cookie; the script signs it as the server would
    const voter = (auth as { voter?: string }).voter;
    const extraHeaders = voter ? { cookie: `${VOTER_COOKIE}=${signVoterId(VOTER_SECRET, voter)}` } : undefined;
    const s: LiveSocket = io(url, { auth, transports: ['websocket'], forceNew: true, reconnection: false, ...(extraHeaders ? { extraHeaders } : {}) });
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
  const config = parseConfig({ PORT: '0', HOST: '127.0.0.1', PRESENTER_KEY: KEY, DATA_DIR: dataDir, WATCH_DECKS: '0', PUBLIC_URL: 'https://talks.example.org', VOTER_SECRET }, [EXAMPLE_DECK]);
  const lectern = await startLectern(config, pino({ level: 'silent' }));
  const url = `http://127.0.0.1:${lectern.port}`;
  const slug = lectern.talks.list()[0]!.deck.slug;
  const browser = await launchBrowser();
  const presenter = await connect(url, { talk: slug, key: KEY });
  const voters = await Promise.all(Array.from({ length: 28 }, (_, i) => connect(url, { talk: slug, voter: `screenshot-voter-${String(i).padStart(4, '0')}` })));
  const asked = new Map<string, number>();
  const visited = new Set<number>();
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
  /** Taps each kind of reaction `n` times, spread over the voters (each may tap a few a second). */
  const react = async (counts: Partial<Record<ReactionKind, number>>) => {
    let i = 0;
    for (const [kind, n] of Object.entries(counts) as [ReactionKind, number][]) {
      for (let k = 0; k < n; k++) await voters[i++ % voters.length]!.emitWithAck('reaction:send', { kind });
    }
  };
  /** Moves the talk on; the first time on a slide, the room answers, asks and reacts. */
  const goto = async (index: number) => {
    await presenter.emitWithAck('slide:goto', { index });
    if (visited.has(index)) return pause(600);
    visited.add(index);
    const active = await presenter.emitWithAck('state:get');
    const poll = active.ok ? active.data.active.poll : null;
    for (const [i, answer] of (VOTES[index] ?? []).entries()) {
      if (poll) await voters[i]!.emitWithAck('vote:cast', { poll: poll.id, answer });
    }
    for (const [slide, asker, text, name, upvotes] of QUESTIONS.filter((q) => q[0] === index)) {
      const ack = await voters[asker]!.emitWithAck('question:ask', name ? { text, name } : { text });
      if (!ack.ok) throw new Error(`question on slide ${slide}: ${ack.error.message}`);
      asked.set(text, ack.data.id);
      for (let v = 0; v < upvotes; v++) await voters[(asker + 1 + v) % voters.length]!.emitWithAck('question:upvote', { id: ack.data.id, up: true });
    }
    if (ROOM[index]?.react) await react(ROOM[index].react);
    await pause(Math.max(600, (ROOM[index]?.stay ?? 1) * 1000));
  };
  const moderate = (text: string, action: 'pin' | 'answer') => presenter.emitWithAck('question:moderate', { id: asked.get(text)!, action });

  try {
    const screen = await open(`/${slug}/screen`, DESKTOP);
    await screen.locator('join-banner svg').waitFor();
    await shot(screen, 'screen-join-desktop');

    await goto(0);
    await goto(1);
    const phone = await open(`/${slug}`, PHONE);
    await phone.getByRole('radio', { name: 'DNS' }).check();
    await phone.getByRole('button', { name: 'Send answer' }).click();
    await phone.getByText('Answer received').waitFor();
    await phone.locator('audience-poll poll-results').scrollIntoViewIfNeeded();
    await shot(phone, 'audience-poll-phone');
    await screen.locator('poll-stage .bars').waitFor();
    await shot(screen, 'screen-results-desktop');

    for (const slide of [2, 3, 4]) await goto(slide);
    await moderate(QUESTIONS[0]![2], 'answer');
    await goto(1); // back to the poll, to show the console with results, questions and reactions
    const console_ = await open(`/${slug}/present#key=${KEY}`, DESKTOP);
    await console_.locator('question-moderation li').first().waitFor();
    await console_.locator('poll-panel .bars').waitFor();
    await react({ clap: 3, heart: 1, thumbsup: 2, lost: 1 }); // the console counts from when it opened
    await shot(console_, 'presenter-desktop');
    const remote = await open(`/${slug}/present#key=${KEY}`, PHONE);
    await remote.locator('poll-panel .bars').waitFor();
    await shot(remote, 'presenter-phone');

    for (const slide of [5, 6, 7, 8]) await goto(slide);
    await goto(9);
    await moderate(QUESTIONS[1]![2], 'pin');
    await screen.locator('poll-stage .cloud').waitFor();
    await screen.locator('pinned-question figure').waitFor();
    await react({ clap: 4, heart: 2, mindblown: 2 });
    await pause(700); // the next reaction burst arrives and fades in
    await shot(screen, 'screen-pinned-desktop');

    await phone.getByRole('button', { name: /^Questions/ }).click();
    await phone.locator('question-list li').first().waitFor();
    await phone.locator('question-list li', { hasText: 'rollback' }).getByRole('button', { name: /^Upvote/ }).click();
    await phone.getByLabel('Your question').fill('Could the screen show the QR code on every slide?');
    // the draft at the top, the list under it
    await phone.locator('qa-panel').evaluate((el) => {
      const form = el.shadowRoot!.querySelector('section')!;
      window.scrollBy(0, form.getBoundingClientRect().top - 64);
    });
    await shot(phone, 'audience-questions-phone');
    await phone.getByRole('button', { name: /^Questions/ }).click();

    await goto(10);
    const scalePhone = await open(`/${slug}`, PHONE);
    await scalePhone.getByRole('radio', { name: /^4/ }).check();
    await shot(scalePhone, 'audience-scale-phone');
    await goto(11);

    await goto(3);
    await phone.getByRole('heading', { name: 'One Nix module' }).waitFor();
    await shot(phone, 'audience-slide-phone');

    const results = await open(`/${slug}/results`, { ...DESKTOP, viewport: { width: 1280, height: 1100 } }, 'light');
    await results.locator('engagement-timeline table').waitFor();
    await shot(results, 'results-desktop');
    const resultsPhone = await open(`/${slug}/results`, PHONE, 'dark');
    await resultsPhone.locator('results-page article').first().waitFor();
    await resultsPhone.locator('run-questions').scrollIntoViewIfNeeded();
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
