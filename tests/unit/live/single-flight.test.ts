import { describe, expect, it } from 'vitest';
import { createSingleFlight } from '../../../server/live/single-flight.js';

function manualClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

const deferred = <T>() => {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
};

describe('single flight', () => {
  it('lets ten concurrent callers share one computation', async () => {
    const clock = manualClock();
    const cache = createSingleFlight<number>(clock.now);
    let runs = 0;
    const d = deferred<number>();
    const all = Array.from({ length: 10 }, () => cache.get('k', () => (runs++, d.promise), { maxAgeMs: 1_000 }));
    clock.advance(5_000); // a slow computation is still shared, however long it takes
    all.push(cache.get('k', () => (runs++, d.promise), { maxAgeMs: 1_000 }));
    d.resolve(42);
    expect(await Promise.all(all)).toEqual(Array(11).fill(42));
    expect(runs).toBe(1);
  });

  it('serves a value for maxAge after it was computed, then computes again', async () => {
    const clock = manualClock();
    const cache = createSingleFlight<number>(clock.now);
    let n = 0;
    const compute = async () => ++n;
    expect(await cache.get('k', compute, { maxAgeMs: 1_000 })).toBe(1);
    clock.advance(999);
    expect(await cache.get('k', compute, { maxAgeMs: 1_000 })).toBe(1);
    clock.advance(1);
    expect(await cache.get('k', compute, { maxAgeMs: 1_000 })).toBe(2);
  });

  it('keeps no failure, and treats another version as stale', async () => {
    const cache = createSingleFlight<number>(manualClock().now);
    await expect(cache.get('k', () => Promise.reject(new Error('db down')), { maxAgeMs: 1_000 })).rejects.toThrow('db down');
    expect(await cache.get('k', async () => 1, { maxAgeMs: 1_000, version: 'a' })).toBe(1);
    expect(await cache.get('k', async () => 2, { maxAgeMs: 1_000, version: 'a' })).toBe(1);
    expect(await cache.get('k', async () => 3, { maxAgeMs: 1_000, version: 'b' })).toBe(3);
    cache.forget();
    expect(await cache.get('k', async () => 4, { maxAgeMs: 1_000, version: 'b' })).toBe(4);
  });
});
