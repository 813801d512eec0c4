import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QuestionView } from '../../contract/events.js';
import { drivers } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { arrives, closeSocketsAfterEach, connect, nextEvent } from '../helpers/sockets.js';
import { fixtureDeck } from '../helpers/decks.js';
import { newVoterId } from '../helpers/voters.js';

const OPEN_DECK = fixtureDeck('polls');
const MODERATED_DECK = fixtureDeck('moderated');

describe.each(drivers)('Q&A and reactions on %s', (driver) => {
  let server: TestServer;
  const track = closeSocketsAfterEach();

  beforeAll(async () => {
    server = await startTestServer({ driver, decks: [OPEN_DECK, MODERATED_DECK] });
  });
  afterAll(async () => {
    await server.close();
  });

  const presenter = (talk: string) => connect(server.url, { talk, key: server.key }).then(track);
  const screen = (talk: string) => connect(server.url, { talk, role: 'screen' }).then(track);
  const phone = (talk: string, voter = newVoterId()) => connect(server.url, { talk, voter }).then(track);
  const fresh = async (talk: string) => {
    const p = await presenter(talk);
    await p.socket.emitWithAck('run:start');
    return p;
  };

  it('shows a question to every phone at once when Q&A is open, escaped as plain data', async () => {
    await fresh('polls');
    const asker = await phone('polls');
    const other = await phone('polls');
    expect(asker.state.qa).toEqual({ mode: 'open', questions: [], upvoted: [] });
    const seen = nextEvent(other.socket, 'questions:changed');
    const res = await asker.socket.emitWithAck('question:ask', { text: '  How do you back up `/var/lib`? <b>hi</b> ', name: 'Ada' });
    expect(res).toMatchObject({ ok: true, data: { text: 'How do you back up `/var/lib`? <b>hi</b>', name: 'Ada', votes: 0, status: 'approved', mine: true } });
    const e = await seen;
    expect(e.questions).toHaveLength(1);
    expect(e.questions[0]).toMatchObject({ text: 'How do you back up `/var/lib`? <b>hi</b>', status: 'approved' });
    expect(e.questions[0]!.mine).toBeUndefined();
    expect(JSON.stringify(e)).not.toContain(asker.state.talk.slug + 'voter');
  });

  it('refuses empty, too long and non-audience questions with their codes', async () => {
    await fresh('polls');
    const ph = await phone('polls');
    expect(await ph.socket.emitWithAck('question:ask', { text: '   ' })).toMatchObject({ ok: false, error: { code: 'empty_question' } });
    expect(await ph.socket.emitWithAck('question:ask', { text: 'q'.repeat(281) })).toMatchObject({ ok: false, error: { code: 'question_too_long' } });
    const sc = await screen('polls');
    expect(await sc.socket.emitWithAck('question:ask', { text: 'from the projector?' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await (await fetch(`${server.url}/api/talks/polls/results`)).json()).runs.at(-1).questions).toEqual([]);
  });

  it('stores one upvote per phone even under concurrent double taps, and lets it be withdrawn', async () => {
    await fresh('polls');
    const asker = await phone('polls');
    const q = await asker.socket.emitWithAck('question:ask', { text: 'Why Nix?' });
    if (!q.ok) throw new Error('ask failed');
    const fans = await Promise.all([1, 2, 3].map(() => phone('polls')));
    const taps = await Promise.all(fans.flatMap((f) => [1, 2].map(() => f.socket.emitWithAck('question:upvote', { id: q.data.id, up: true }))));
    expect(taps.every((t) => t.ok)).toBe(true);
    const body = await (await fetch(`${server.url}/api/talks/polls/results`)).json();
    expect(body.runs.at(-1).questions[0].votes).toBe(3);
    expect(await fans[0]!.socket.emitWithAck('question:upvote', { id: q.data.id, up: false })).toMatchObject({ ok: true, data: { votes: 2, up: false } });
    // A reconnecting phone knows what it upvoted.
    const voter = (fans[1]!.socket.auth as { voter: string }).voter;
    const again = await phone('polls', voter);
    expect(again.state.qa.upvoted).toEqual([q.data.id]);
    expect(await again.socket.emitWithAck('question:upvote', { id: 999_999, up: true })).toMatchObject({ ok: false, error: { code: 'unknown_question' } });
  });

  it('keeps an unapproved question with the presenter when moderated, until approved', async () => {
    const p = await fresh('moderated');
    const asker = await phone('moderated');
    const other = await phone('moderated');
    const projector = await screen('moderated');
    const toPresenter = nextEvent(p.socket, 'questions:changed');
    const asked = await asker.socket.emitWithAck('question:ask', { text: 'Is this recorded?' });
    expect(asked).toMatchObject({ ok: true, data: { status: 'pending', mine: true } });
    if (!asked.ok) return;
    expect((await toPresenter).questions[0]).toMatchObject({ id: asked.data.id, status: 'pending' });
    expect(await arrives(other.socket, 'questions:changed', 400)).toBe(false);
    expect(await arrives(projector.socket, 'questions:changed', 50)).toBe(false); // the screen needs no key: no moderation queue
    // Only the asker sees it (as its own) after a reconnect; other phones do not.
    const reconnected = await phone('moderated', (asker.socket.auth as { voter: string }).voter);
    expect(reconnected.state.qa.questions.map((q: QuestionView) => q.id)).toEqual([asked.data.id]);
    expect((await phone('moderated')).state.qa.questions).toEqual([]);
    // Upvoting a pending question is refused.
    expect((await other.socket.emitWithAck('question:upvote', { id: asked.data.id, up: true })).ok).toBe(false);

    const shown = nextEvent(other.socket, 'questions:changed');
    expect(await asker.socket.emitWithAck('question:moderate', { id: asked.data.id, action: 'approve' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await p.socket.emitWithAck('question:moderate', { id: asked.data.id, action: 'approve' })).toMatchObject({ ok: true, data: { status: 'approved' } });
    expect((await shown).questions[0]).toMatchObject({ id: asked.data.id, status: 'approved' });

    const removed = nextEvent(other.socket, 'questions:changed');
    await p.socket.emitWithAck('question:moderate', { id: asked.data.id, action: 'hide' });
    expect((await removed).removed).toEqual([asked.data.id]);
  });

  it('marks answered and pins one question at a time to the screen', async () => {
    const p = await fresh('polls');
    const ph = await phone('polls');
    const sc = await screen('polls');
    const a = await ph.socket.emitWithAck('question:ask', { text: 'First?' });
    const b = await ph.socket.emitWithAck('question:ask', { text: 'Second?' });
    if (!a.ok || !b.ok) throw new Error('ask failed');
    const pinned = new Map<number, boolean>();
    sc.socket.on('questions:changed', (e) => e.questions.forEach((q) => pinned.set(q.id, q.pinned)));
    await p.socket.emitWithAck('question:moderate', { id: a.data.id, action: 'pin' });
    await expect.poll(() => pinned.get(a.data.id)).toBe(true);
    expect(await p.socket.emitWithAck('question:moderate', { id: b.data.id, action: 'pin' })).toMatchObject({ ok: true, data: { pinned: true } });
    // One event carries both: the new pin and the one it replaced.
    await expect.poll(() => [pinned.get(a.data.id), pinned.get(b.data.id)]).toEqual([false, true]);
    expect(await p.socket.emitWithAck('question:moderate', { id: b.data.id, action: 'answer' })).toMatchObject({ ok: true, data: { answered: true, pinned: false } });
    const state = await sc.socket.emitWithAck('state:get');
    expect(state.ok && state.data.qa.questions.map((q: QuestionView) => [q.id, q.answered, q.pinned])).toEqual([
      [a.data.id, false, false],
      [b.data.id, true, false],
    ]);
  });

  it('adds up reaction taps before broadcasting, stores them per slide, and rate-limits a tapper', async () => {
    const p = await fresh('polls');
    await p.socket.emitWithAck('slide:goto', { index: 2 });
    const sc = await screen('polls');
    const bursts: { slide: number; counts: Record<string, number> }[] = [];
    sc.socket.on('reactions', (e) => bursts.push(e as { slide: number; counts: Record<string, number> }));
    const phones = await Promise.all(Array.from({ length: 10 }, () => phone('polls')));
    const acks = await Promise.all(phones.flatMap((ph) => [ph.socket.emitWithAck('reaction:send', { kind: 'clap' }), ph.socket.emitWithAck('reaction:send', { kind: 'lost' })]));
    expect(acks.every((a) => a.ok)).toBe(true);
    await expect.poll(() => bursts.reduce((n, b) => n + (b.counts.clap ?? 0) + (b.counts.lost ?? 0), 0), { timeout: 3_000 }).toBe(20);
    expect(bursts.length).toBeLessThanOrEqual(3); // aggregated, not one per tap
    expect(bursts.every((b) => b.slide === 2)).toBe(true);

    const tapper = phones[0]!;
    const many = await Promise.all(Array.from({ length: 30 }, () => tapper.socket.emitWithAck('reaction:send', { kind: 'heart' })));
    expect(many.some((r) => !r.ok && r.error.code === 'rate_limited')).toBe(true);
    expect(await phones[1]!.socket.emitWithAck('reaction:send', { kind: 'boo' } as never)).toMatchObject({ ok: false, error: { code: 'bad_request' } });

    await expect
      .poll(async () => (await (await fetch(`${server.url}/api/talks/polls/results`)).json()).runs.at(-1).reactions, { timeout: 3_000 })
      .toEqual(expect.arrayContaining([{ slide: 2, kind: 'clap', count: 10 }, { slide: 2, kind: 'lost', count: 10 }]));
    // A reloaded screen starts from the run's totals, not from zero.
    const reloaded = await screen('polls');
    expect(reloaded.state.reactions?.find((r) => r.slide === 2)?.counts).toMatchObject({ clap: 10, lost: 10 });
    expect(tapper.state.reactions).toBeUndefined(); // phones don't get the totals
  });

  it('builds the engagement timeline per slide and exports questions and reactions', async () => {
    const p = await fresh('polls');
    const ph = await phone('polls');
    await p.socket.emitWithAck('slide:goto', { index: 1 }); // the single-choice poll
    await ph.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' });
    await ph.socket.emitWithAck('question:ask', { text: 'What about ZFS?' });
    await ph.socket.emitWithAck('reaction:send', { kind: 'mindblown' });
    await new Promise((r) => setTimeout(r, 1_100));
    await p.socket.emitWithAck('slide:goto', { index: 2 });
    await new Promise((r) => setTimeout(r, 600)); // reactions flush

    const body = await (await fetch(`${server.url}/api/talks/polls/results`)).json();
    const timeline = body.runs.at(-1).timeline;
    expect(timeline).toHaveLength(6);
    expect(timeline[1]).toMatchObject({ slide: 1, title: 'Breakage', answers: 1, questions: 1, reactions: { mindblown: 1 } });
    expect(timeline[1].seconds).toBeGreaterThanOrEqual(1);
    expect(timeline[3]).toMatchObject({ seconds: 0, answers: 0, questions: 0 });

    const csv = await (await fetch(`${server.url}/api/talks/polls/results.csv`)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('run,run_started_at,kind,slide,poll,question,type,answer,count,at');
    expect(lines.some((l) => l.includes(',question,2,,What about ZFS?,approved,,0,'))).toBe(true);
    expect(lines.some((l) => l.includes(',reaction,2,,,,mindblown,1,'))).toBe(true);
    expect(lines.some((l) => l.includes(',answer,2,homelab-breaks,What breaks in your homelab?,single,DNS,1,'))).toBe(true);
  });

  it('refuses questions when the deck turns Q&A off', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dir = await mkdtemp(join(tmpdir(), 'lectern-qa-off-'));
    const file = join(dir, 'quiet.md');
    await writeFile(file, '---\nqa: off\n---\n\n# Quiet talk\n');
    const quiet = await startTestServer({ driver, decks: [file] });
    try {
      const ph = await connect(quiet.url, { talk: 'quiet', voter: newVoterId() });
      expect(ph.state.qa.mode).toBe('off');
      expect(await ph.socket.emitWithAck('question:ask', { text: 'Anyone?' })).toMatchObject({ ok: false, error: { code: 'qa_off' } });
      ph.socket.close();
    } finally {
      await quiet.close();
    }
  });
});
