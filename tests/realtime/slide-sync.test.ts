import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../helpers/databases.js';
import { fixtureDeck } from '../helpers/decks.js';
import { FIXTURE_DECK, startTestServer, type TestServer } from '../helpers/server.js';
import { arrives, closeSocketsAfterEach, connect, connectError, nextEvent } from '../helpers/sockets.js';

describe.each(drivers)('slide sync on %s', (driver) => {
  let server: TestServer;
  const track = closeSocketsAfterEach();

  beforeAll(async () => {
    // A second talk, for the audience count: no other test's sockets (or their late disconnects) are in its rooms.
    server = await startTestServer({ driver, decks: [FIXTURE_DECK, fixtureDeck('moderated')] });
  });
  afterAll(async () => {
    await server.close();
  });

  const presenter = (talk = 'basic') => connect(server.url, { talk, key: server.key }).then(track);
  const phone = (talk = 'basic') => connect(server.url, { talk }).then(track);

  it('sends a late joiner the current state at once', async () => {
    const p = await presenter();
    expect(p.state.role).toBe('presenter');
    expect(p.state.talk).toMatchObject({ slug: 'basic', title: 'Basic fixture talk', slideCount: 4 });
    await p.socket.emitWithAck('slide:goto', { index: 2 });
    const late = await phone();
    expect(late.state.slide).toBe(2);
    expect(late.state.role).toBe('audience');
    expect(late.state.run.number).toBeGreaterThanOrEqual(1);
  });

  it('moves every connected phone when the presenter moves', async () => {
    const p = await presenter();
    await p.socket.emitWithAck('slide:goto', { index: 0 });
    const phones = await Promise.all(Array.from({ length: 5 }, () => phone()));
    const received = phones.map((ph) => nextEvent(ph.socket, 'slide:changed'));
    const ack = await p.socket.emitWithAck('slide:next');
    expect(ack).toMatchObject({ ok: true, data: { index: 1 } });
    for (const e of await Promise.all(received)) {
      expect(e.index).toBe(1);
      expect(Math.abs(e.at - Date.now())).toBeLessThan(5_000);
    }
    const prev = phones.map((ph) => nextEvent(ph.socket, 'slide:changed'));
    expect(await p.socket.emitWithAck('slide:prev')).toMatchObject({ ok: true, data: { index: 0 } });
    expect((await Promise.all(prev)).map((e) => e.index)).toEqual([0, 0, 0, 0, 0]);
  });

  it('refuses slide commands from an audience socket and changes nothing', async () => {
    const p = await presenter();
    await p.socket.emitWithAck('slide:goto', { index: 1 });
    const ph = await phone();
    const watcher = await phone();
    for (const res of [
      await ph.socket.emitWithAck('slide:goto', { index: 3 }),
      await ph.socket.emitWithAck('slide:next'),
      await ph.socket.emitWithAck('slide:prev'),
      await ph.socket.emitWithAck('run:start'),
    ]) {
      expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await arrives(watcher.socket, 'slide:changed')).toBe(false);
    expect((await ph.socket.emitWithAck('state:get')).ok && (await ph.socket.emitWithAck('state:get'))).toMatchObject({ data: { slide: 1 } });
  });

  it('answers malformed payloads and out-of-range indexes with an error code', async () => {
    const p = await presenter();
    const emit = (payload: unknown) => (p.socket as unknown as { emitWithAck: (e: string, x: unknown) => Promise<unknown> }).emitWithAck('slide:goto', payload);
    expect(await emit({ index: 99 })).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    expect(await emit({ index: -1 })).toMatchObject({ ok: false, error: { code: 'out_of_range' } });
    expect(await emit({ index: 'two' })).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('index') } });
    expect(await emit({ index: 1.5 })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await emit(null)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await emit('x'.repeat(1000))).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    // The server is still fine afterwards.
    expect(await p.socket.emitWithAck('slide:goto', { index: 3 })).toMatchObject({ ok: true, data: { index: 3 } });
  });

  it('refuses unknown talks, wrong keys and malformed handshakes', async () => {
    const unknown = await connectError(server.url, { talk: 'no-such-talk' });
    expect(unknown.data?.code).toBe('not_found');
    expect(unknown.message).toContain('no-such-talk');
    const wrong = await connectError(server.url, { talk: 'basic', key: 'wrong-key' });
    expect(wrong.data?.code).toBe('unauthorized');
    const malformed = await connectError(server.url, { talk: 42 });
    expect(malformed.data?.code).toBe('bad_request');
    expect((await connectError(server.url, {})).data?.code).toBe('bad_request');
  });

  it('tells the presenter and the screen how many phones are connected', async () => {
    const p = await presenter('moderated');
    const screen = track(await connect(server.url, { talk: 'moderated', role: 'screen' }));
    expect(screen.state.role).toBe('screen');
    const base = screen.state.audience;
    const onPresenter: number[] = [];
    const onScreen: number[] = [];
    p.socket.on('audience', (e) => onPresenter.push(e.count));
    screen.socket.on('audience', (e) => onScreen.push(e.count));
    await Promise.all([phone('moderated'), phone('moderated'), phone('moderated')]);
    await expect.poll(() => onPresenter.at(-1), { timeout: 3_000 }).toBe(base + 3);
    await expect.poll(() => onScreen.at(-1), { timeout: 3_000 }).toBe(base + 3);
    expect(onPresenter.length).toBeLessThanOrEqual(2); // throttled: not one event per phone
  });

  it('starts a new run at slide 0 and tells every client', async () => {
    const p = await presenter();
    await p.socket.emitWithAck('slide:goto', { index: 2 });
    const ph = await phone();
    const started = nextEvent(ph.socket, 'run:started');
    const res = await p.socket.emitWithAck('run:start');
    expect(res.ok).toBe(true);
    const e = await started;
    expect(e.slide).toBe(0);
    expect(e.run.number).toBe(p.state.run.number + 1);
    const again = await phone();
    expect(again.state.run.number).toBe(e.run.number);
    expect(again.state.slide).toBe(0);
  });

  it('delivers a burst of moves to phones in the order the presenter made them', async () => {
    const p = await presenter();
    await p.socket.emitWithAck('slide:goto', { index: 0 });
    const ph = await phone();
    const seen: number[] = [];
    ph.socket.on('slide:changed', (e) => seen.push(e.index));
    // A clicker held down: every move differs from the one before, none waits for its ack (30 stays within the control rate limit).
    const targets = Array.from({ length: 30 }, (_, i) => (i + 1) % 4);
    const acks = targets.map((index) => p.socket.emitWithAck('slide:goto', { index }));
    expect((await Promise.all(acks)).map((a) => (a.ok ? a.data.index : -1))).toEqual(targets);
    await expect.poll(() => seen.length, { timeout: 5_000 }).toBe(targets.length);
    expect(seen).toEqual(targets);
  });
});
