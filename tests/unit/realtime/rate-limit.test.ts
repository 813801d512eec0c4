import { afterEach, describe, expect, it } from 'vitest';
import { createBuckets, createRateLimits, DEFAULT_LIMITS } from '../../../server/realtime/rate-limit.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const closers: Array<() => void> = [];
afterEach(() => closers.splice(0).forEach((close) => close()));

function buckets(spec: { rate: number; burst: number }, now: () => number) {
  const b = createBuckets(spec, now);
  closers.push(() => b.close());
  return b;
}

const takeN = (take: () => boolean, n: number) => Array.from({ length: n }, take).filter(Boolean).length;

describe('token buckets', () => {
  it('allow a full burst at once, then refuse', () => {
    const clock = manualClock();
    const b = buckets({ rate: 5, burst: 20 }, clock.now);
    expect(takeN(() => b.take('socket-1'), 25)).toBe(20);
    expect(b.take('socket-1')).toBe(false);
  });

  it('refill at `rate` tokens a second', () => {
    const clock = manualClock();
    const b = buckets({ rate: 5, burst: 20 }, clock.now);
    takeN(() => b.take('s'), 20);
    clock.advance(199);
    expect(b.take('s')).toBe(false); // 0.995 of a token
    clock.advance(1);
    expect(b.take('s')).toBe(true);
    clock.advance(1_000);
    expect(takeN(() => b.take('s'), 10)).toBe(5);
  });

  it('never save more than the burst, however long a key was idle', () => {
    const clock = manualClock();
    const b = buckets({ rate: 5, burst: 20 }, clock.now);
    b.take('s');
    clock.advance(3_600_000);
    expect(takeN(() => b.take('s'), 30)).toBe(20);
  });

  it('keep keys apart, and start a forgotten key full again', () => {
    const clock = manualClock();
    const b = buckets({ rate: 1, burst: 2 }, clock.now);
    takeN(() => b.take('a'), 2);
    expect(b.take('a')).toBe(false);
    expect(b.take('b')).toBe(true);
    b.forget('a');
    expect(b.take('a')).toBe(true);
  });
});

describe('rate limits per socket and per IP', () => {
  const specs = {
    answer: { socket: { rate: 1, burst: 2 }, ip: { rate: 1, burst: 3 } },
    control: { socket: { rate: 1, burst: 1 }, ip: { rate: 1, burst: 10 } },
    reaction: { socket: { rate: 1, burst: 1 }, ip: { rate: 1, burst: 1 } },
  };

  function limits(now: () => number) {
    const l = createRateLimits(specs, now);
    closers.push(() => l.close());
    return l;
  }

  it('refuse a socket past its own budget while its neighbours on the same IP go on', () => {
    const l = limits(manualClock().now);
    expect(l.allow('answer', 'phone-1', '10.0.0.1')).toBe(true);
    expect(l.allow('answer', 'phone-1', '10.0.0.1')).toBe(true);
    expect(l.allow('answer', 'phone-1', '10.0.0.1')).toBe(false);
    expect(l.allow('answer', 'phone-2', '10.0.0.1')).toBe(true);
  });

  it('refuse every socket behind an address past the address budget', () => {
    const l = limits(manualClock().now);
    for (const phone of ['p1', 'p2', 'p3']) expect(l.allow('answer', phone, '10.0.0.1')).toBe(true);
    expect(l.allow('answer', 'p4', '10.0.0.1')).toBe(false);
    expect(l.allow('answer', 'p4', '10.0.0.2')).toBe(true);
  });

  it('count each kind of event on its own budget', () => {
    const l = limits(manualClock().now);
    expect(l.allow('control', 'presenter', '10.0.0.1')).toBe(true);
    expect(l.allow('control', 'presenter', '10.0.0.1')).toBe(false);
    expect(l.allow('reaction', 'presenter', '10.0.0.1')).toBe(true);
    expect(l.allow('answer', 'presenter', '10.0.0.1')).toBe(true);
  });

  it('let a socket go on after the clock moved, and forget a socket that left', () => {
    const clock = manualClock();
    const l = limits(clock.now);
    l.allow('control', 's', '10.0.0.1');
    expect(l.allow('control', 's', '10.0.0.1')).toBe(false);
    clock.advance(1_000);
    expect(l.allow('control', 's', '10.0.0.1')).toBe(true);
    l.forgetSocket('s');
    expect(l.allow('control', 's', '10.0.0.1')).toBe(true);
  });

  it('by default let a phone answer 20 times at once and 5 a second after that', () => {
    const clock = manualClock();
    const l = createRateLimits(DEFAULT_LIMITS, clock.now);
    closers.push(() => l.close());
    expect(takeN(() => l.allow('answer', 'phone', '10.0.0.1'), 25)).toBe(20);
    clock.advance(1_000);
    expect(takeN(() => l.allow('answer', 'phone', '10.0.0.1'), 10)).toBe(5);
  });
});

describe('limits that survive reconnects', () => {
  function limits(now: () => number) {
    const l = createRateLimits(DEFAULT_LIMITS, now);
    closers.push(() => l.close());
    return l;
  }

  it('keep a voter\'s question budget across sockets: a reconnect starts where the last socket left off', () => {
    const clock = manualClock();
    const l = limits(clock.now);
    const asks = (socket: string, n: number) => takeN(() => l.check('question', { socket, ip: '10.0.0.1', voter: 'voter-a' }) === 0, n);
    expect(asks('socket-1', 10)).toBe(DEFAULT_LIMITS.question.socket.burst);
    l.forgetSocket('socket-1');
    expect(asks('socket-2', 10)).toBe(0); // new socket, same phone: still nothing left
    clock.advance(10_000); // one question per 10 s
    expect(asks('socket-3', 10)).toBe(1);
  });

  it('say how long to wait', () => {
    const clock = manualClock();
    const l = limits(clock.now);
    takeN(() => l.check('question', { socket: 's', ip: '10.0.0.1', voter: 'v' }) === 0, 3);
    expect(l.check('question', { socket: 's', ip: '10.0.0.1', voter: 'v' })).toBe(10_000);
    clock.advance(7_500);
    expect(l.check('question', { socket: 's', ip: '10.0.0.1', voter: 'v' })).toBe(2_500);
  });

  it('stop many made-up voters on one address at the address budget, and keep questions apart from answers', () => {
    const clock = manualClock();
    const l = limits(clock.now);
    let asked = 0;
    for (let i = 0; i < 200; i++) if (l.check('question', { socket: `s${i}`, ip: '10.0.0.9', voter: `minted-${i}` }) === 0) asked++;
    expect(asked).toBe(DEFAULT_LIMITS.question.ip.burst);
    // the address's answers and upvotes have their own budgets, untouched by the question flood
    expect(l.check('answer', { socket: 'phone', ip: '10.0.0.9', voter: 'someone' })).toBe(0);
    expect(l.check('upvote', { socket: 'phone', ip: '10.0.0.9', voter: 'someone' })).toBe(0);
    // another address asks as usual
    expect(l.check('question', { socket: 'x', ip: '10.0.0.10', voter: 'other' })).toBe(0);
    clock.advance(1_000);
    expect(takeN(() => l.check('question', { socket: 'y', ip: '10.0.0.9', voter: `fresh-${Math.random()}` }) === 0, 10)).toBe(DEFAULT_LIMITS.question.ip.rate);
  });

  it('limit upvotes and reactions per voter too', () => {
    const l = limits(manualClock().now);
    const up = takeN(() => l.check('upvote', { socket: 's1', ip: '10.0.0.1', voter: 'v' }) === 0, 30);
    expect(up).toBe(DEFAULT_LIMITS.upvote.socket.burst);
    expect(l.check('upvote', { socket: 's2', ip: '10.0.0.1', voter: 'v' })).toBeGreaterThan(0);
    const taps = takeN(() => l.check('reaction', { socket: 's1', ip: '10.0.0.1', voter: 'v' }) === 0, 30);
    expect(taps).toBe(DEFAULT_LIMITS.reaction.socket.burst);
    expect(l.check('reaction', { socket: 's3', ip: '10.0.0.1', voter: 'v' })).toBeGreaterThan(0);
  });
});
