import { Writable } from 'node:stream';
import { pino } from 'pino';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDeck } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connect, connectError } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');

describe('abuse limits and headers', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ decks: [POLL_DECK] });
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    for (const path of ['/polls', '/api/talks', '/healthz']) {
      const res = await fetch(`${server.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('refuses cross-origin websocket connections and allows same-origin ones', async () => {
    const { socket } = await connect(server.url, { talk: 'polls' });
    socket.close();
    const foreign = io(server.url, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: { Origin: 'https://evil.example' }, auth: { talk: 'polls' } });
    const outcome = await new Promise<string>((resolve) => {
      foreign.once('connect', () => resolve('connected'));
      foreign.once('connect_error', () => resolve('refused'));
    });
    foreign.close();
    expect(outcome).toBe('refused');
  });

  it('refuses HTTP bodies over the limit with 413', async () => {
    const res = await fetch(`${server.url}/api/talks/polls/slide`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ index: 1, pad: 'x'.repeat(64 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'too_large' } });
  });

  it('rate-limits answers per socket', async () => {
    const presenter = await connect(server.url, { talk: 'polls', key: server.key });
    await presenter.socket.emitWithAck('slide:goto', { index: 1 });
    const phone = await connect(server.url, { talk: 'polls', voter: newVoterId() });
    const results = await Promise.all(Array.from({ length: 60 }, () => phone.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' })));
    const codes = results.map((r) => (r.ok ? 'ok' : r.error.code));
    expect(codes.filter((c) => c === 'ok').length).toBeGreaterThan(0);
    expect(codes).toContain('rate_limited');
    presenter.socket.close();
    phone.socket.close();
  });

  it('rate-limits control events per socket', async () => {
    const presenter = await connect(server.url, { talk: 'polls', key: server.key });
    const results = await Promise.all(Array.from({ length: 100 }, () => presenter.socket.emitWithAck('state:get')));
    expect(results.some((r) => !r.ok && r.error.code === 'rate_limited')).toBe(true);
    presenter.socket.close();
  });

  it('locks out an address after repeated wrong presenter keys, over sockets and HTTP', async () => {
    // The speaker connected before someone on the venue's shared address started guessing.
    const speaker = await connect(server.url, { talk: 'polls', key: server.key });
    const session = speaker.state.session!;
    expect(session).toMatch(/^ls2\.[\w-]{43}$/);
    speaker.socket.close();
    const codes: (string | undefined)[] = [];
    for (let i = 0; i < 7; i++) codes.push((await connectError(server.url, { talk: 'polls', key: `wrong-${i}` })).data?.code);
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('unauthorized'));
    expect(codes.at(-1)).toBe('rate_limited');
    // Wrong keys wait out the lockout; the right key never does (tests/security/keys-sessions.test.ts).
    const locked = await connectError(server.url, { talk: 'polls', key: 'still-wrong' });
    expect(locked.data?.code).toBe('rate_limited');
    expect(locked.message).toMatch(/try again in \d+ s/);
    const http = await fetch(`${server.url}/api/talks/polls/next`, { method: 'POST', headers: { Authorization: `Bearer still-wrong` } });
    expect(http.status).toBe(429);

    // The speaker's session is never locked out: reconnects, reloads and API calls go on.
    const back = await connect(server.url, { talk: 'polls', key: session });
    expect(back.state.role).toBe('presenter');
    expect(back.state.session).toBe(session);
    back.socket.close();
    const moved = await fetch(`${server.url}/api/talks/polls/next`, { method: 'POST', headers: { Authorization: `Bearer ${session}` } });
    expect(moved.status).toBe(200);
    // A made-up session is just a wrong key: refused (here still locked out), never a presenter.
    const forged = await connectError(server.url, { talk: 'polls', key: `ls2.${'A'.repeat(43)}` });
    expect(forged.data?.code).toBe('rate_limited');
  });

  it('gives presenters a session and nobody else', async () => {
    const phone = await connect(server.url, { talk: 'polls' });
    const screen = await connect(server.url, { talk: 'polls', role: 'screen' });
    expect(phone.state.session).toBeUndefined();
    expect(screen.state.session).toBeUndefined();
    phone.socket.close();
    screen.socket.close();
  });
});

describe('presenter sessions', () => {
  it('are refused by a server with another key, and count as a wrong key there', async () => {
    const first = await startTestServer({ decks: [POLL_DECK], presenterKey: 'first-presenter-key' });
    const p = await connect(first.url, { talk: 'polls', key: 'first-presenter-key' });
    const session = p.state.session!;
    p.socket.close();
    await first.close();
    const second = await startTestServer({ decks: [POLL_DECK], presenterKey: 'second-presenter-key' });
    try {
      expect((await connectError(second.url, { talk: 'polls', key: session })).data?.code).toBe('unauthorized');
      const http = await fetch(`${second.url}/api/talks/polls/next`, { method: 'POST', headers: { Authorization: `Bearer ${session}` } });
      expect(http.status).toBe(401);
    } finally {
      await second.close();
    }
    // two servers start one after the other: on a busy machine that alone can take half a minute
  }, 90_000);
});

describe('what never leaks', () => {
  let server: TestServer;
  let url: string;
  let logs = '';
  const key = 'super-secret-presenter-key-123';

  beforeAll(async () => {
    const sink = new Writable({ write: (chunk, _enc, cb) => ((logs += chunk), cb()) });
    server = await startTestServer({ decks: [POLL_DECK], presenterKey: key, log: pino({ level: 'trace' }, sink) });
    url = server.url;
  });
  afterAll(async () => {
    await server.close();
  });

  it('never writes the presenter key to the logs', async () => {
    const p = await connect(url, { talk: 'polls', key });
    await p.socket.emitWithAck('slide:goto', { index: 1 });
    await p.socket.emitWithAck('slide:goto', { index: 99 });
    p.socket.close();
    await connectError(url, { talk: 'polls', key: `${key}-wrong` });
    await fetch(`${url}/api/talks/polls/next`, { method: 'POST', headers: { Authorization: `Bearer ${key}` } });
    await fetch(`${url}/api/talks/polls/next`, { method: 'POST', headers: { Authorization: 'Bearer nope-nope-nope' } });
    await fetch(`${url}/api/talks/polls/slide`, { method: 'POST', headers: { Authorization: `Bearer ${key}` }, body: '{broken' });
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(key);
  });

  it('keeps classic XSS payloads as inert data in the API and CSV', async () => {
    const payloads = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "javascript:alert('x')", '=cmd|calc!A1'];
    const p = await connect(url, { talk: 'polls', key });
    await p.socket.emitWithAck('run:start');
    await p.socket.emitWithAck('slide:goto', { index: 5 });
    await p.socket.emitWithAck('poll:open', { poll: 'open-text' });
    for (const text of payloads) {
      const phone = await connect(url, { talk: 'polls', voter: newVoterId() });
      expect((await phone.socket.emitWithAck('vote:cast', { poll: 'open-text', answer: text })).ok).toBe(true);
      phone.socket.close();
    }
    p.socket.close();
    const json = await fetch(`${url}/api/talks/polls/results`);
    expect(json.headers.get('content-type')).toContain('application/json');
    const body = await json.json();
    const texts = body.runs.at(-1).polls.find((x: { id: string }) => x.id === 'open-text').answers.map((a: { answer: string }) => a.answer);
    expect(texts).toEqual(payloads); // stored as typed; escaping is the renderer's job
    const csv = await (await fetch(`${url}/api/talks/polls/results.csv`)).text();
    expect(csv).toContain(`'=cmd|calc!A1`);
    expect(csv).toContain('"""><svg onload=alert(1)>"');
  });
});
