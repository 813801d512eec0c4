import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connect } from '../helpers/sockets.js';
import { fixtureDeck } from '../helpers/decks.js';
import { asVoter, newVoterId } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');

/** Fails with a label instead of hanging, so a slow CI run says which step stalled. */
function within<T>(promise: Promise<T>, ms: number, label: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${label}: no result within ${ms} ms`)), ms);
    promise.then((v) => (clearTimeout(timer), resolve(v)), (e: unknown) => (clearTimeout(timer), reject(e)));
  });
}

/** A small seeded PRNG (mulberry32), so a failing run can be replayed. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EVENTS = ['slide:goto', 'slide:next', 'slide:prev', 'run:start', 'state:get', 'vote:cast', 'poll:open', 'poll:close', 'poll:reveal', 'poll:reset', 'poll:create', 'poll:timer', 'quiz:reveal', 'quiz:nickname', 'run:end', 'qa:page', 'nonsense', '__proto__', 'constructor', ''];
const PATHS = ['/api/talks', '/api/talks/polls', '/api/talks/polls/slide', '/api/talks/polls/next', '/api/talks/polls/prev', '/api/talks/polls/runs', '/api/talks/polls/polls', '/api/talks/polls/polls/homelab-breaks/open', '/api/talks/polls/polls/%2e%2e/close', '/api/talks/polls/results', '/api/talks/polls/results.csv', '/api/talks/polls/results/quiz.csv', '/api/talks/polls/handout', '/api/talks/polls/end', '/api/talks/polls/polls/homelab-breaks/timer', '/polls/handout', '/polls/assets/..%2f..%2fetc%2fpasswd', '/polls/assets/%00', '/api/talks/%ff', '/healthz', '/readyz', '/metrics', '/polls/present', '/nope/screen'];

function randomValue(rnd: () => number, depth = 0): unknown {
  const pick = Math.floor(rnd() * 14);
  switch (pick) {
    case 0: return null;
    case 1: return undefined;
    case 2: return Math.floor(rnd() * 2 ** 31) * (rnd() < 0.5 ? -1 : 1);
    case 3: return [Number.NaN, Infinity, -0, 1e308, 0.5][Math.floor(rnd() * 5)];
    case 4: return randomBytes(Math.floor(rnd() * 40)).toString('latin1');
    case 5: return 'x'.repeat(Math.floor(rnd() * 5000));
    case 6: return ['DNS', 'Nix', '', ' ', '<script>', '💥'.repeat(50)][Math.floor(rnd() * 6)];
    case 7: return rnd() < 0.5;
    case 8: return depth > 3 ? [] : Array.from({ length: Math.floor(rnd() * 5) }, () => randomValue(rnd, depth + 1));
    case 9: return depth > 3 ? {} : Object.fromEntries(Array.from({ length: Math.floor(rnd() * 4) }, (_, i) => [['index', 'poll', 'answer', 'question', 'type', 'options', '__proto__', 'reveal', 'add', 'stop', 'name', 'timer'][Math.floor(rnd() * 12)] ?? `k${i}`, randomValue(rnd, depth + 1)]));
    case 10: return { index: Math.floor(rnd() * 20) - 5 };
    case 11: return { poll: ['homelab-breaks', 'tools', 'rating', 'open-text', 'zzz'][Math.floor(rnd() * 5)], answer: randomValue(rnd, depth + 1) };
    case 12: return { question: randomValue(rnd, depth + 1), options: randomValue(rnd, depth + 1), type: ['single', 'words', 'bogus'][Math.floor(rnd() * 3)] };
    default: return JSON.parse('{"__proto__": {"polluted": true}}');
  }
}

describe('fuzzing the socket and HTTP boundary', () => {
  let server: TestServer;
  const problems: unknown[] = [];
  const onProblem = (err: unknown) => problems.push(err);

  beforeAll(async () => {
    process.on('unhandledRejection', onProblem);
    process.on('uncaughtException', onProblem);
    server = await startTestServer({ decks: [POLL_DECK] });
  });
  afterAll(async () => {
    process.off('unhandledRejection', onProblem);
    process.off('uncaughtException', onProblem);
    await server.close();
  });

  it('survives 10,000 random and malformed payloads with no unhandled rejection', async () => {
    const rnd = prng(20261125);
    const sockets: Socket[] = [];
    const open = (auth: object) => {
      const voter = (auth as { voter?: string }).voter;
      const s = io(server.url, { auth, transports: ['websocket'], forceNew: true, reconnection: false, ...asVoter(voter) });
      sockets.push(s);
      return s;
    };
    const pool = [
      open({ talk: 'polls', key: server.key }),
      open({ talk: 'polls', role: 'screen' }),
      ...Array.from({ length: 6 }, () => open({ talk: 'polls', voter: newVoterId() })),
    ];
    await within(Promise.all(pool.map((s) => new Promise((r) => (s.connected ? r(null) : s.once('connect', () => r(null)))))), 20_000, 'pool sockets connect');

    const started = Date.now();
    let socketSent = 0;
    let httpSent = 0;
    const pending: Promise<unknown>[] = [];
    for (let i = 0; i < 10_000; i++) {
      if (rnd() < 0.7) {
        const s = pool[Math.floor(rnd() * pool.length)]!;
        const event = EVENTS[Math.floor(rnd() * EVENTS.length)]!;
        const args = Array.from({ length: Math.floor(rnd() * 3) }, () => randomValue(rnd));
        if (rnd() < 0.6) pending.push(s.timeout(1_000).emitWithAck(event, ...args).catch(() => undefined));
        else s.emit(event, ...args);
        socketSent++;
      } else {
        const method = ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'][Math.floor(rnd() * 5)]!;
        const headers: Record<string, string> = { 'Content-Type': rnd() < 0.8 ? 'application/json' : 'text/plain' };
        if (rnd() < 0.5) headers.Authorization = rnd() < 0.3 ? `Bearer ${server.key}` : `Bearer ${randomBytes(6).toString('hex')}`;
        const body = method === 'GET' ? undefined : rnd() < 0.5 ? JSON.stringify(randomValue(rnd)) ?? '' : randomBytes(Math.floor(rnd() * 200)).toString('latin1');
        const path = PATHS[Math.floor(rnd() * PATHS.length)]!;
        pending.push(
          within(fetch(`${server.url}${path}`, { method, headers, body }).then((r) => r.arrayBuffer()), 30_000, `${method} ${path}`).catch((err: Error) => {
            if (err.message.includes('no result within')) throw err; // a hung request is a finding
          }),
        );
        httpSent++;
      }
      if (pending.length >= 1_000) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    const elapsed = Date.now() - started;
    // Oversized frames: the server drops that connection, nothing else.
    const big = open({ talk: 'polls', voter: newVoterId() });
    await within(new Promise((r) => (big.connected ? r(null) : big.once('connect', () => r(null)))), 20_000, 'oversized-frame socket connects');
    big.emit('vote:cast', { poll: 'homelab-breaks', answer: 'x'.repeat(100_000) });
    await within(new Promise((r) => big.once('disconnect', r)), 20_000, 'oversized frame closes its socket');
    console.info(`fuzz: 10,000 payloads in ${elapsed} ms`);

    expect(socketSent + httpSent).toBe(10_000);
    expect(problems).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    // Still fully working afterwards: the presenter (connected before the storm) drives, a phone follows.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2_500)); // let the presenter's rate-limit bucket refill
    const presenter = pool[0]!;
    expect(presenter.connected).toBe(true);
    // The storm may have ended the run (run:end, POST …/end with the key): moves then wait for a new one.
    const ended = await presenter.timeout(10_000).emitWithAck('state:get');
    if (ended.ok && ended.data.run.endedAt) expect(await presenter.timeout(10_000).emitWithAck('run:start')).toMatchObject({ ok: true });
    const phone = await connect(server.url, { talk: 'polls' });
    // The storm's HTTP calls with the right key may have left the talk on any slide: move elsewhere.
    const target = phone.state.slide === 2 ? 1 : 2;
    const moved = new Promise((resolve) => phone.socket.once('slide:changed', resolve));
    expect(await presenter.timeout(10_000).emitWithAck('slide:goto', { index: target })).toMatchObject({ ok: true, data: { index: target } });
    expect(await within(moved, 10_000, 'phone follows after the storm')).toMatchObject({ index: target });
    phone.socket.close();
    sockets.forEach((s) => s.close());
  }, 240_000);
});
