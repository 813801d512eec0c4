/**
 * Voter ids are issued by the server in a signed, HTTP-only cookie: a phone cannot choose one,
 * minting is limited per address, and the presenter sees where answers come from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { drivers } from '../helpers/databases.js';
import { fixtureDeck } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeSocketsAfterEach, connect, nextEvent, nextEventWhere, type TestSocket } from '../helpers/sockets.js';
import { newVoterId, voterCookie } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');

/** Asks for a voter id as the phone's page does; returns the status and the cookie it set (name=value). */
async function mint(url: string, cookie?: string): Promise<{ status: number; cookie?: string; setCookie: string | null; body: unknown }> {
  const res = await fetch(`${url}/api/talks/polls/voter`, { method: 'POST', headers: cookie ? { cookie } : {} });
  const setCookie = res.headers.get('set-cookie');
  return { status: res.status, setCookie, body: await res.json(), ...(setCookie ? { cookie: setCookie.split(';')[0]! } : {}) };
}

/** A phone whose websocket carries `cookie` (as a browser sends it) and, optionally, a chosen `auth.voter`. */
function phone(url: string, cookie: string | undefined, voter?: string): Promise<TestSocket> {
  const socket: TestSocket = io(url, {
    auth: { talk: 'polls', ...(voter ? { voter } : {}) },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    ...(cookie ? { extraHeaders: { cookie } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('state', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe.each(drivers)('voter ids issued by the server on %s', (driver) => {
  let server: TestServer;
  const track = closeSocketsAfterEach();
  const sockets: TestSocket[] = [];
  beforeAll(async () => {
    server = await startTestServer({ driver, decks: [POLL_DECK] });
    const presenter = await connect(server.url, { talk: 'polls', key: server.key });
    await presenter.socket.emitWithAck('slide:goto', { index: 1 });
    sockets.push(presenter.socket);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server?.close();
  });

  it('sets a signed, HTTP-only, SameSite=Lax cookie once, and keeps it', async () => {
    const first = await mint(server.url);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ voter: 'issued' });
    expect(first.setCookie).toMatch(/^lectern_voter=[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{43};/);
    expect(first.setCookie).toMatch(/HttpOnly/i);
    expect(first.setCookie).toMatch(/SameSite=Lax/i);
    expect(first.setCookie).toMatch(/Path=\//);
    const again = await mint(server.url, first.cookie);
    expect(again.body).toEqual({ voter: 'kept' });
    expect(again.setCookie).toBeNull();
    expect((await fetch(`${server.url}/api/talks/nope/voter`, { method: 'POST' })).status).toBe(404);
    // another site's page cannot swap the phone's id for a fresh one
    const foreign = await fetch(`${server.url}/api/talks/polls/voter`, { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('set-cookie')).toBeNull();
    const own = await fetch(`${server.url}/api/talks/polls/voter`, { method: 'POST', headers: { origin: server.url } });
    expect(own.status).toBe(200);
  });

  it('votes as the cookie’s voter, ignoring an id chosen in the handshake', async () => {
    const { cookie } = await mint(server.url);
    // the same phone twice, each time claiming another id: one voter, one answer
    const a = track({ socket: await phone(server.url, cookie, newVoterId()) }).socket;
    const b = track({ socket: await phone(server.url, cookie, newVoterId()) }).socket;
    const total = async (): Promise<number> => (await (await fetch(`${server.url}/api/talks/polls/results`)).json()).runs.at(-1).polls.find((p: { id: string }) => p.id === 'homelab-breaks').results.total;
    const before = await total();
    expect((await a.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' })).ok).toBe(true);
    expect((await b.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'Me, at 2am' })).ok).toBe(true);
    // the keyless results are recomputed at most once a second: wait for the fresh count, then make sure it stays
    await expect.poll(total, { timeout: 5_000, interval: 250 }).toBeGreaterThan(before);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await total()) - before).toBe(1);
    // the second socket sees the first one's answer as its own: they are the same voter
    const c = track({ socket: await phone(server.url, cookie) }).socket;
    const res = await c.emitWithAck('state:get');
    expect(res.ok && res.data.active.myAnswer).toBe('Me, at 2am');
  });

  it('refuses to let a phone vote with a chosen id, a forged cookie or another server’s cookie', async () => {
    const chosen = track({ socket: await phone(server.url, undefined, newVoterId()) }).socket;
    const forged = track({ socket: await phone(server.url, `lectern_voter=${newVoterId()}.${'A'.repeat(43)}`) }).socket;
    const foreign = track({ socket: await phone(server.url, voterCookie(newVoterId(), 'some-other-server-secret-0123456789abcdef')) }).socket;
    for (const socket of [chosen, forged, foreign]) {
      const res = await socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' });
      expect(res).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('tells the presenter how many devices answered from how many addresses', async () => {
    const presenter = track(await connect(server.url, { talk: 'polls', key: server.key })).socket;
    const counted = nextEventWhere(presenter, 'voters:counted', (e) => e.devices >= 3);
    for (let i = 0; i < 3; i++) {
      const { cookie } = await mint(server.url);
      const p = track({ socket: await phone(server.url, cookie) }).socket;
      expect((await p.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' })).ok).toBe(true);
    }
    const e = await counted;
    expect(e.poll).toBe('homelab-breaks');
    expect(e.addresses).toBe(1);
    // phones never hear it
    const audience = track({ socket: await phone(server.url, undefined) }).socket;
    const leaked = nextEvent(audience, 'voters:counted', 1_500).then(() => true, () => false);
    const { cookie } = await mint(server.url);
    const p = track({ socket: await phone(server.url, cookie) }).socket;
    await p.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' });
    expect(await leaked).toBe(false);
  });
});

describe('minting limits', () => {
  it('refuses new ids past the per-address limit and warns the presenter', async () => {
    const server = await startTestServer({ decks: [POLL_DECK], env: { VOTER_ID_BURST: '20', VOTER_ID_RATE: '0.01', VOTER_ID_WARN: '10' } });
    try {
      const presenter = await connect(server.url, { talk: 'polls', key: server.key });
      const phoneSide = await connect(server.url, { talk: 'polls' });
      const burst = nextEventWhere(presenter.socket, 'voters:burst', () => true);
      const leaked = nextEvent(phoneSide.socket, 'voters:burst', 2_000).then(() => true, () => false);
      const results = [];
      for (let i = 0; i < 30; i++) results.push(await mint(server.url));
      expect(results.filter((r) => r.status === 200)).toHaveLength(20);
      const refused = results.filter((r) => r.status === 429);
      expect(refused).toHaveLength(10);
      expect(refused[0]!.body).toMatchObject({ error: { code: 'rate_limited' } });
      expect(refused[0]!.setCookie).toBeNull();
      const warning = await burst;
      expect(warning.newIds).toBeGreaterThan(10);
      expect(warning.seconds).toBeGreaterThanOrEqual(1);
      expect(await leaked).toBe(false);
      // a phone that already has its cookie is never refused: no new id is needed
      expect((await mint(server.url, results[0]!.cookie)).status).toBe(200);
      presenter.socket.close();
      phoneSide.socket.close();
    } finally {
      await server.close();
    }
  });

  it('gives 2,000 phones behind one address an id each with the default limit', async () => {
    const server = await startTestServer({ decks: [POLL_DECK] });
    try {
      const presenter = await connect(server.url, { talk: 'polls', key: server.key });
      const warned = nextEvent(presenter.socket, 'voters:burst', 60_000);
      const cookies = new Set<string>();
      const started = Date.now();
      for (let batch = 0; batch < 40; batch++) {
        const got = await Promise.all(Array.from({ length: 50 }, () => mint(server.url)));
        for (const r of got) {
          expect(r.status).toBe(200);
          cookies.add(r.cookie!);
        }
      }
      expect(cookies.size).toBe(2_000);
      // within the limit, but past the warning line (300 a minute): the presenter is told
      const warning = await warned;
      expect(warning.refused).toBe(0);
      console.log(`2,000 voter ids minted from one address in ${Date.now() - started} ms; warning at ${warning.newIds} new ids`);
      presenter.socket.close();
    } finally {
      await server.close();
    }
  }, 120_000);
});

describe.each(drivers)('the voter cookie secret on %s', (driver) => {
  it('is made once and kept in the database: a cookie outlives a restart', async () => {
    const first = await startTestServer({ driver, decks: [POLL_DECK], voterSecret: null });
    const { cookie } = await mint(first.url);
    await first.close({ keepDatabase: true });
    const second = await startTestServer({ driver, decks: [POLL_DECK], voterSecret: null, database: first.database });
    try {
      expect((await mint(second.url, cookie)).body).toEqual({ voter: 'kept' });
      // and not the test servers' fixed secret
      expect((await mint(second.url, voterCookie(newVoterId()))).body).toEqual({ voter: 'issued' });
    } finally {
      await second.close();
    }
  });
});
