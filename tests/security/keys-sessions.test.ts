/**
 * Keys per talk, the moderator role, revocable sessions, and a presenter the room cannot lock out
 * (issue 15, points 4, 5 and 7).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../helpers/databases.js';
import { fixtureDeck, tempDir } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeSocketsAfterEach, connect, connectError, nextEvent } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');
const bearer = (token: string) => ({ method: 'POST', headers: { Authorization: `Bearer ${token}` } });

describe('the presenter cannot be locked out by the room', () => {
  let server: TestServer;
  const track = closeSocketsAfterEach();
  beforeAll(async () => {
    server = await startTestServer({ decks: [POLL_DECK] });
  });
  afterAll(async () => {
    await server.close();
  });

  it('takes the right key, on socket and HTTP, while the shared address is locked out for wrong ones', async () => {
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 8; i++) codes.push((await connectError(server.url, { talk: 'polls', key: `wrong-guess-${i}` })).data?.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('unauthorized'));
    expect(codes.at(-1)).toBe('rate_limited');
    // still locked for wrong keys …
    const stillLocked = await connectError(server.url, { talk: 'polls', key: 'another-wrong-one' });
    expect(stillLocked.data?.code).toBe('rate_limited');
    expect(stillLocked.message).toMatch(/try again in \d+ s/);
    expect((await fetch(`${server.url}/api/talks/polls/next`, bearer('wrong-again'))).status).toBe(429);
    // … but never for the right key or a session
    const speaker = track(await connect(server.url, { talk: 'polls', key: server.key }));
    expect(speaker.state.role).toBe('presenter');
    expect((await fetch(`${server.url}/api/talks/polls/next`, bearer(server.key))).status).toBe(200);
    const talkKey = server.lectern.keys.keysFor('polls').presenter;
    expect((await fetch(`${server.url}/api/talks/polls/prev`, bearer(talkKey))).status).toBe(200);
    const session = speaker.state.session!;
    expect(session).toMatch(/^ls2\.[\w-]{43}$/);
    expect((await fetch(`${server.url}/api/talks/polls/next`, bearer(session))).status).toBe(200);
    const back = track(await connect(server.url, { talk: 'polls', key: session }));
    expect(back.state).toMatchObject({ role: 'presenter', session });
    // a made-up session is a wrong key: refused, never a presenter
    expect((await connectError(server.url, { talk: 'polls', key: `ls2.${'A'.repeat(43)}` })).data?.code).toBe('rate_limited');
  });

  it('phones spamming state:get behind the same address do not refuse the presenter: 20 moves of 20 succeed', async () => {
    const presenter = track(await connect(server.url, { talk: 'polls', key: server.key }));
    await presenter.socket.emitWithAck('slide:goto', { index: 0 });
    const phones = await Promise.all(Array.from({ length: 8 }, () => connect(server.url, { talk: 'polls', voter: newVoterId() }).then(track)));
    let stop = false;
    const refused = { count: 0, total: 0 };
    const spam = phones.map(async (p) => {
      while (!stop) {
        const burst = await Promise.all(Array.from({ length: 10 }, () => p.socket.emitWithAck('state:get')));
        refused.total += burst.length;
        refused.count += burst.filter((r) => !r.ok && r.error.code === 'rate_limited').length;
      }
    });
    // let the spam use up the address's control budget first
    await new Promise((r) => setTimeout(r, 300));
    const moves = [];
    for (let i = 0; i < 20; i++) moves.push(await presenter.socket.emitWithAck(i % 2 ? 'slide:prev' : 'slide:next'));
    stop = true;
    await Promise.all(spam);
    expect(refused.count).toBeGreaterThan(0); // the address was over its budget …
    expect(moves.filter((m) => m.ok)).toHaveLength(20); // … and the presenter never noticed
    console.info(`presenter budget: 20/20 moves ok while phones got ${refused.count} of ${refused.total} state:get refused`);
  });

  it('keeps a budget for the presenter too: a runaway clicker is slowed, per socket', async () => {
    const presenter = track(await connect(server.url, { talk: 'polls', key: server.key }));
    const results = await Promise.all(Array.from({ length: 100 }, () => presenter.socket.emitWithAck('state:get')));
    expect(results.some((r) => !r.ok && r.error.code === 'rate_limited')).toBe(true);
  });
});

describe('keys per talk and sessions', () => {
  let server: TestServer;
  const track = closeSocketsAfterEach();
  beforeAll(async () => {
    server = await startTestServer({ decks: [POLL_DECK, fixtureDeck('basic')] });
  });
  afterAll(async () => {
    await server.close();
  });

  it("a talk's keys open that talk only; the admin key opens every talk", async () => {
    const polls = server.lectern.keys.keysFor('polls');
    expect(polls.presenter).not.toBe(server.key);
    expect((await connect(server.url, { talk: 'polls', key: polls.presenter }).then(track)).state.role).toBe('presenter');
    expect((await connect(server.url, { talk: 'polls', key: polls.moderator }).then(track)).state.role).toBe('moderator');
    expect((await connectError(server.url, { talk: 'basic', key: polls.presenter })).data?.code).toBe('unauthorized');
    expect((await fetch(`${server.url}/api/talks/basic/next`, bearer(polls.presenter))).status).toBe(401);
    expect((await connect(server.url, { talk: 'basic', key: server.key }).then(track)).state.role).toBe('presenter');
  });

  it('gives each keyed device its own session, scoped to the talk, and nobody else one', async () => {
    const a = track(await connect(server.url, { talk: 'polls', key: server.lectern.keys.keysFor('polls').presenter }));
    const b = track(await connect(server.url, { talk: 'polls', key: server.lectern.keys.keysFor('polls').presenter }));
    expect(a.state.session).not.toBe(b.state.session);
    expect((await connectError(server.url, { talk: 'basic', key: a.state.session })).data?.code).toBe('unauthorized');
    const phone = track(await connect(server.url, { talk: 'polls', voter: newVoterId() }));
    const screen = track(await connect(server.url, { talk: 'polls', role: 'screen' }));
    expect(phone.state.session).toBeUndefined();
    expect(screen.state.session).toBeUndefined();
  });

  it('lists signed-in devices and signs one or all others out: disconnected at once, the session refused after', async () => {
    const key = server.lectern.keys.keysFor('polls').presenter;
    const me = track(await connect(server.url, { talk: 'polls', key }));
    const laptop = track(await connect(server.url, { talk: 'polls', key }));
    const moderator = track(await connect(server.url, { talk: 'polls', key: server.lectern.keys.keysFor('polls').moderator }));
    const listed = await me.socket.emitWithAck('sessions:list');
    if (!listed.ok) throw new Error(listed.error.message);
    const mine = listed.data.sessions.find((s) => s.current)!;
    expect(mine).toMatchObject({ role: 'presenter', connected: true, admin: false });
    expect(listed.data.sessions.filter((s) => s.connected).length).toBeGreaterThanOrEqual(3);
    expect(listed.data.sessions.some((s) => s.role === 'moderator')).toBe(true);

    // a moderator cannot list or sign out devices
    expect(await moderator.socket.emitWithAck('sessions:list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    const laptopSession = laptop.state.session!;
    const ended = nextEvent(laptop.socket, 'session:ended');
    const gone = new Promise((resolve) => laptop.socket.once('disconnect', resolve));
    // every other device: the laptop and the moderator
    const all = await me.socket.emitWithAck('sessions:revoke', { all: true });
    expect(all).toMatchObject({ ok: true });
    expect((await ended).message).toMatch(/signed out/);
    expect(await gone).toBe('io server disconnect');
    expect((await connectError(server.url, { talk: 'polls', key: laptopSession })).data?.code).toBe('unauthorized');
    expect((await fetch(`${server.url}/api/talks/polls/next`, bearer(laptopSession))).status).toBe(401);
    // this device stays signed in
    expect((await fetch(`${server.url}/api/talks/polls/prev`, bearer(me.state.session!))).status).toBe(200);
    // one by id
    const tablet = track(await connect(server.url, { talk: 'polls', key }));
    const list2 = await me.socket.emitWithAck('sessions:list');
    if (!list2.ok) throw new Error(list2.error.message);
    expect(list2.data.sessions).toHaveLength(2);
    const other = list2.data.sessions.find((s) => !s.current)!;
    const tabletGone = new Promise((resolve) => tablet.socket.once('disconnect', resolve));
    expect(await me.socket.emitWithAck('sessions:revoke', { id: other.id })).toEqual({ ok: true, data: { revoked: 1 } });
    await tabletGone;
    expect(await me.socket.emitWithAck('sessions:revoke', { id: 'x' } as never)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });
});

describe.each(drivers)('the moderator role on %s', (driver) => {
  let server: TestServer;
  const track = closeSocketsAfterEach();
  beforeAll(async () => {
    const dir = await tempDir({
      'drive.md': '---\ntitle: Moderators drive\nmoderators: drive\n---\n\n# One\n\n---\n\n# Two\n\n---\n\n# Three\n',
    });
    server = await startTestServer({ driver, decks: [fixtureDeck('moderated'), fixtureDeck('polls'), `${dir}/drive.md`] });
  });
  afterAll(async () => {
    await server.close();
  });

  it('hides, approves and pins questions but cannot move slides or open polls', async () => {
    const moderator = track(await connect(server.url, { talk: 'moderated', key: server.lectern.keys.keysFor('moderated').moderator }));
    expect(moderator.state).toMatchObject({ role: 'moderator', moderatorsDrive: false });
    expect(moderator.state.session).toMatch(/^ls2\./);
    const phone = track(await connect(server.url, { talk: 'moderated', voter: newVoterId() }));
    const asked = await phone.socket.emitWithAck('question:ask', { text: 'Will the slides be online?' });
    if (!asked.ok) throw new Error(asked.error.message);
    expect(asked.data.status).toBe('pending');
    expect(await moderator.socket.emitWithAck('question:moderate', { id: asked.data.id, action: 'approve' })).toMatchObject({ ok: true, data: { status: 'approved' } });
    expect(await moderator.socket.emitWithAck('question:moderate', { id: asked.data.id, action: 'pin' })).toMatchObject({ ok: true, data: { pinned: true } });
    expect(await moderator.socket.emitWithAck('question:moderate', { id: asked.data.id, action: 'hide' })).toMatchObject({ ok: true, data: { status: 'hidden' } });

    const moved = await moderator.socket.emitWithAck('slide:next');
    expect(moved).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/moderators: drive/) } });
    expect(await moderator.socket.emitWithAck('run:start')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await fetch(`${server.url}/api/talks/moderated/next`, bearer(moderator.state.session!))).status).toBe(403);

    const pollModerator = track(await connect(server.url, { talk: 'polls', key: server.lectern.keys.keysFor('polls').moderator }));
    expect(await pollModerator.socket.emitWithAck('poll:open', { poll: 'favourite-editor' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // nor can a phone moderate
    expect(await phone.socket.emitWithAck('question:moderate', { id: asked.data.id, action: 'approve' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('drives the talk where the deck says moderators: drive', async () => {
    const moderator = track(await connect(server.url, { talk: 'drive', key: server.lectern.keys.keysFor('drive').moderator }));
    expect(moderator.state).toMatchObject({ role: 'moderator', moderatorsDrive: true });
    expect(await moderator.socket.emitWithAck('slide:goto', { index: 0 })).toMatchObject({ ok: true, data: { index: 0 } });
    expect(await moderator.socket.emitWithAck('slide:next')).toMatchObject({ ok: true, data: { index: 1 } });
    expect((await fetch(`${server.url}/api/talks/drive/next`, bearer(server.lectern.keys.keysFor('drive').moderator))).status).toBe(200);
    // still no say over who is signed in
    expect(await moderator.socket.emitWithAck('sessions:list')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
