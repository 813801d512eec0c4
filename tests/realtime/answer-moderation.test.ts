/**
 * The filter and answer moderation, end to end over sockets and HTTP on both databases: a word on
 * the block list never reaches the screen (its socket or the public results) until approved; a
 * hidden answer disappears for screen and phones; a pre-moderated poll holds everything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnswerModeration, PollResults } from '../../contract/events.js';
import { drivers } from '../helpers/databases.js';
import { tempDeck } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeSocketsAfterEach, connect, nextEventWhere, type TestSocket } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';

const DECK = `---
title: Moderated answers
slug: modans
blocklist: [kubernetes]
allowlist: [Scunthorpe]
---

# Start

---

# Words

\`\`\`poll
id: cloud
question: One word for your homelab?
type: words
\`\`\`

---

# Text

\`\`\`poll
id: texts
question: Anything to add?
type: text
\`\`\`

---

# Pre

\`\`\`poll
id: pre
question: Words, approved first
type: words
moderation: pre
\`\`\`

---

# Choice

\`\`\`poll
id: pick
question: Pick one
options: [A, B]
\`\`\`
`;

const SLUG = 'modans';

describe.each(drivers)('answer moderation on %s', (driver) => {
  let server: TestServer;
  const track = closeSocketsAfterEach();

  beforeAll(async () => {
    server = await startTestServer({ driver, decks: [await tempDeck(DECK)] });
  });
  afterAll(async () => {
    await server.close();
  });

  const presenter = () => connect(server.url, { talk: SLUG, key: server.key }).then(track);
  const screen = () => connect(server.url, { talk: SLUG, role: 'screen' }).then(track);
  const phone = (voter = newVoterId()) => connect(server.url, { talk: SLUG, voter }).then(track);
  const publicResults = async () => (await fetch(`${server.url}/api/talks/${SLUG}/results`)).text();
  const publicCsv = async () => (await fetch(`${server.url}/api/talks/${SLUG}/results.csv`)).text();
  const presenterResults = async () => (await fetch(`${server.url}/api/talks/${SLUG}/results`, { headers: { authorization: `Bearer ${server.key}` } })).json();

  /** A fresh run on `slide` (its poll opens), with a screen that records every results payload it gets. */
  async function setUp(slide: number) {
    const p = await presenter();
    await p.socket.emitWithAck('run:start');
    const sc = await screen();
    const seen: unknown[] = [];
    sc.socket.on('poll:results', (e) => seen.push(e));
    sc.socket.on('poll:active', (e) => seen.push(e));
    const opened = slide > 0 && nextEventWhere(sc.socket, 'poll:active', (e) => e.poll?.status === 'open');
    await p.socket.emitWithAck('slide:goto', { index: slide });
    if (opened) await opened;
    return { p: p.socket, sc: sc.socket, seen };
  }

  const moderationWhere = (s: TestSocket, ok: (m: AnswerModeration) => boolean) => nextEventWhere(s, 'poll:moderation', ok);
  const resultsWhere = (s: TestSocket, poll: string, ok: (r: PollResults) => boolean) =>
    nextEventWhere(s, 'poll:results', (e) => e.poll === poll && ok(e.results)).then((e) => e.results);
  const words = (r: PollResults) => (r.type === 'words' ? r.words.map((w) => w.word) : []);

  it('a word on the block list (or profanity) is acknowledged, held, and never reaches the screen or the public results until approved', async () => {
    const { p, sc, seen } = await setUp(1);
    const troll = await phone();
    const friend = await phone();
    const trollSeen: unknown[] = [];
    troll.socket.on('poll:results', (e) => trollSeen.push(e));

    const held = moderationWhere(p, (m) => m.poll === 'cloud' && m.heldCount === 2 && m.shown.length === 1);
    const a = await troll.socket.emitWithAck('vote:cast', { poll: 'cloud', answer: ['KUB3RN3T3S', 'dns'] });
    const b = await friend.socket.emitWithAck('vote:cast', { poll: 'cloud', answer: ['dns', 'Scunthorpe'] });
    const c = await (await phone()).socket.emitWithAck('vote:cast', { poll: 'cloud', answer: 'sh1t' });
    // stored and acknowledged like any answer: the phone is told it waits, never that it was refused
    expect(a).toEqual({ ok: true, data: { poll: 'cloud', answer: ['KUB3RN3T3S', 'dns'], held: true } });
    expect(b).toEqual({ ok: true, data: { poll: 'cloud', answer: ['dns', 'Scunthorpe'] } });
    expect(c).toMatchObject({ ok: true, data: { held: true } });

    const moderation = await held;
    expect(moderation.held.map((h) => h.reasons)).toEqual([['blocklist: kubernetes'], ['profanity: shit']]);
    await resultsWhere(sc, 'cloud', (r) => r.total === 1);
    await new Promise((r) => setTimeout(r, 400)); // any later broadcast would have arrived by now
    const onScreen = JSON.stringify(seen).toLowerCase();
    expect(onScreen).toContain('scunthorpe');
    expect(onScreen).not.toMatch(/kub3rn3t3s|sh1t/);
    expect(JSON.stringify(trollSeen).toLowerCase()).not.toContain('kub3rn3t3s');
    expect((await publicResults()).toLowerCase()).not.toMatch(/kub3rn3t3s|sh1t/);
    expect((await publicCsv()).toLowerCase()).not.toMatch(/kub3rn3t3s|sh1t/);
    // the presenter's own export lists them, marked
    const mine = (await presenterResults()).runs.at(-1).polls.find((x: { id: string }) => x.id === 'cloud');
    expect(mine.total).toBe(1);
    expect(mine.answers.filter((x: { status?: string }) => x.status === 'held')).toHaveLength(2);

    // approved: it counts, everywhere
    const shown = resultsWhere(sc, 'cloud', (r) => words(r).includes('kub3rn3t3s'));
    const ack = await p.emitWithAck('poll:moderate', { poll: 'cloud', action: 'approve', ids: [moderation.held[0]!.id] });
    expect(ack).toEqual({ ok: true, data: { poll: 'cloud', changed: 1 } });
    expect((await shown).total).toBe(2);
    // the keyless results are cached for up to a second: the approved word shows within a few
    let page = '';
    for (let i = 0; i < 30 && !page.includes('kub3rn3t3s'); i++) {
      if (i) await new Promise((r) => setTimeout(r, 200));
      page = (await publicResults()).toLowerCase();
    }
    expect(page).toContain('kub3rn3t3s');
    expect(page).not.toContain('sh1t');
  });

  it('a hidden answer disappears from the screen, the phones and the public results; answering again does not bring it back', async () => {
    const { p, sc } = await setUp(2);
    const author = await phone();
    const other = await phone();
    await author.socket.emitWithAck('vote:cast', { poll: 'texts', answer: 'an answer to hide' });
    const listed = moderationWhere(p, (m) => m.poll === 'texts' && m.shown.length === 2);
    await other.socket.emitWithAck('vote:cast', { poll: 'texts', answer: 'a fine answer' });
    const target = (await listed).shown.find((s) => s.answer === 'an answer to hide')!;

    const screenUpdate = resultsWhere(sc, 'texts', (r) => r.total === 1);
    const phoneUpdate = resultsWhere(other.socket, 'texts', (r) => r.total === 1);
    expect(await p.emitWithAck('poll:moderate', { poll: 'texts', action: 'hide', ids: [target.id] })).toMatchObject({ ok: true, data: { changed: 1 } });
    for (const r of [await screenUpdate, await phoneUpdate]) {
      expect(r.type === 'text' && r.answers.map((x) => x.text)).toEqual(['a fine answer']);
    }
    expect(await publicResults()).not.toContain('an answer to hide');
    const exported = (await presenterResults()).runs.at(-1).polls.find((x: { id: string }) => x.id === 'texts');
    expect(exported.answers.find((x: { answer: string }) => x.answer === 'an answer to hide')).toMatchObject({ status: 'hidden' });

    // the same device answering anew stays hidden (a moderator took this device's answer off)
    const again = moderationWhere(p, (m) => m.poll === 'texts' && m.hidden.some((h) => h.answer === 'another try'));
    await author.socket.emitWithAck('vote:cast', { poll: 'texts', answer: 'another try' });
    await again;
    expect(await publicResults()).not.toContain('another try');

    // unhide: approve puts it back
    const back = resultsWhere(sc, 'texts', (r) => r.total === 2);
    await p.emitWithAck('poll:moderate', { poll: 'texts', action: 'approve', ids: [target.id] });
    expect((await back).type).toBe('text');
  });

  it('hides a word from the cloud: every answer holding it, case and spacing aside', async () => {
    const { p, sc } = await setUp(1);
    for (const answer of [['Dogs', 'cats'], ['dogs '], ['birds']]) await (await phone()).socket.emitWithAck('vote:cast', { poll: 'cloud', answer });
    await resultsWhere(sc, 'cloud', (r) => r.total === 3);
    const gone = resultsWhere(sc, 'cloud', (r) => !words(r).includes('dogs'));
    expect(await p.emitWithAck('poll:moderate', { poll: 'cloud', action: 'hide', word: 'DOGS' })).toEqual({ ok: true, data: { poll: 'cloud', changed: 2 } });
    expect(words(await gone)).toEqual(['birds']);
  });

  it('a pre-moderated poll holds every answer until approved', async () => {
    const { p, sc, seen } = await setUp(3);
    const ph = await phone();
    const held = moderationWhere(p, (m) => m.poll === 'pre' && m.heldCount === 1);
    expect(await ph.socket.emitWithAck('vote:cast', { poll: 'pre', answer: ['harmless'] })).toMatchObject({ ok: true, data: { held: true } });
    const [entry] = (await held).held;
    await new Promise((r) => setTimeout(r, 400));
    expect(JSON.stringify(seen)).not.toContain('harmless');
    const shown = resultsWhere(sc, 'pre', (r) => words(r).includes('harmless'));
    await p.emitWithAck('poll:moderate', { poll: 'pre', action: 'approve', ids: [entry!.id] });
    expect((await shown).total).toBe(1);
  });

  it('a phone reconnecting sees its held answer as waiting; the presenter gets the list in state', async () => {
    const { p } = await setUp(3);
    const voter = newVoterId();
    const first = await phone(voter);
    const held = moderationWhere(p, (m) => m.poll === 'pre' && m.heldCount === 1);
    await first.socket.emitWithAck('vote:cast', { poll: 'pre', answer: ['waiting'] });
    await held;
    const back = await phone(voter);
    expect(back.state.active).toMatchObject({ myAnswer: ['waiting'], myAnswerHeld: true });
    expect(back.state.active.moderation).toBeUndefined();
    const staff = await presenter();
    expect(staff.state.active.moderation).toMatchObject({ poll: 'pre', heldCount: 1 });
  });

  it('only the presenter (or a moderator) moderates; bad commands get their code', async () => {
    const { p } = await setUp(4);
    const ph = await phone();
    await ph.socket.emitWithAck('vote:cast', { poll: 'pick', answer: 'A' });
    const sc = await screen();
    for (const s of [ph.socket, sc.socket]) {
      expect(await s.emitWithAck('poll:moderate', { poll: 'pick', action: 'hide', ids: [1] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await s.emitWithAck('poll:answers', { poll: 'pick' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await p.emitWithAck('poll:moderate', { poll: 'pick', action: 'hide', ids: [1], word: 'x' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await p.emitWithAck('poll:moderate', { poll: 'pick', action: 'explode' as 'hide', ids: [1] })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await p.emitWithAck('poll:moderate', { poll: 'pick', action: 'hide', ids: [999_999_999] })).toMatchObject({ ok: false, error: { code: 'unknown_answer' } });
    expect(await p.emitWithAck('poll:moderate', { poll: 'nope', action: 'hide', ids: [1] })).toMatchObject({ ok: false, error: { code: 'unknown_poll' } });
    // a choice poll: one voter's vote can be hidden too
    const list = await p.emitWithAck('poll:answers', { poll: 'pick' });
    expect(list.ok && list.data.shown).toHaveLength(1);
    const id = list.ok ? list.data.shown[0]!.id : 0;
    expect(await p.emitWithAck('poll:moderate', { poll: 'pick', action: 'hide', ids: [id] })).toMatchObject({ ok: true, data: { changed: 1 } });
    const after = await p.emitWithAck('poll:answers', { poll: 'pick' });
    expect(after.ok && after.data).toMatchObject({ hiddenCount: 1, shown: [] });
  });

  it('a moderator hides an answer from the screen, and cannot move slides or open polls', async () => {
    const { p } = await setUp(2);
    const moderator = await connect(server.url, { talk: SLUG, key: server.lectern.keys.keysFor(SLUG).moderator }).then(track);
    expect(moderator.state.role).toBe('moderator');
    const sc = await screen();
    const ph = await phone();
    expect(await ph.socket.emitWithAck('vote:cast', { poll: 'texts', answer: 'a spoiler nobody should see' })).toMatchObject({ ok: true });
    await nextEventWhere(sc.socket, 'poll:results', (e) => JSON.stringify(e).includes('spoiler'));
    const list = await moderator.socket.emitWithAck('poll:answers', { poll: 'texts' });
    const id = list.ok ? list.data.shown.find((a) => JSON.stringify(a).includes('spoiler'))!.id : 0;
    const gone = nextEventWhere(sc.socket, 'poll:results', (e) => !JSON.stringify(e).includes('spoiler'));
    expect(await moderator.socket.emitWithAck('poll:moderate', { poll: 'texts', action: 'hide', ids: [id] })).toMatchObject({ ok: true, data: { changed: 1 } });
    await gone;
    // the talk stays the presenter's
    expect(await moderator.socket.emitWithAck('slide:next')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await moderator.socket.emitWithAck('poll:open', { poll: 'texts' })).toMatchObject({ ok: false });
    expect(p.connected).toBe(true);
  });

  it('a flagged question waits for approval even in open Q&A: other phones never receive it', async () => {
    await setUp(0);
    const asker = await phone();
    const watcher = await phone();
    const got: unknown[] = [];
    watcher.socket.on('questions:changed', (e) => got.push(e));
    const ack = await asker.socket.emitWithAck('question:ask', { text: 'Why is kubernetes everywhere?' });
    expect(ack).toMatchObject({ ok: true, data: { status: 'pending', mine: true } });
    const clean = await asker.socket.emitWithAck('question:ask', { text: 'How do you back up?' });
    expect(clean).toMatchObject({ ok: true, data: { status: 'approved' } });
    await nextEventWhere(watcher.socket, 'questions:changed', (e) => JSON.stringify(e).includes('back up')).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 400));
    expect(JSON.stringify(got).toLowerCase()).not.toContain('kubernetes');
  });
});
