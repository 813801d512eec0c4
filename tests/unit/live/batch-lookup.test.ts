import { describe, expect, test, vi } from 'vitest';
import { createBatchLookup } from '../../../server/live/batch-lookup.js';

describe('lookups gathered into one query', () => {
  test('keys asked within the window share one load per group; each caller gets its own value', async () => {
    vi.useFakeTimers();
    try {
      const load = vi.fn(async (group: string, keys: string[]) => new Map(keys.filter((k) => k !== 'nobody').map((k) => [k, `${group}:${k}`])));
      const lookup = createBatchLookup(load, { windowMs: 5 });
      const asked = [lookup.get('p1', 'a'), lookup.get('p1', 'b'), lookup.get('p1', 'a'), lookup.get('p2', 'a'), lookup.get('p1', 'nobody')];
      await vi.advanceTimersByTimeAsync(5);
      expect(await Promise.all(asked)).toEqual(['p1:a', 'p1:b', 'p1:a', 'p2:a', undefined]);
      expect(load).toHaveBeenCalledTimes(2);
      expect(load).toHaveBeenCalledWith('p1', ['a', 'b', 'nobody']);
      // a later key starts a new batch
      const later = lookup.get('p1', 'c');
      await vi.advanceTimersByTimeAsync(5);
      expect(await later).toBe('p1:c');
      expect(load).toHaveBeenCalledTimes(3);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a full batch goes at once; a failed load rejects each of its callers', async () => {
    const load = vi.fn(async (_group: string, keys: number[]) => {
      if (keys.includes(13)) throw new Error('database away');
      return new Map(keys.map((k) => [k, k * 2]));
    });
    const lookup = createBatchLookup(load, { windowMs: 60_000, maxKeys: 3 });
    // three keys fill the batch: no waiting for the (long) window
    expect(await Promise.all([lookup.get('g', 1), lookup.get('g', 2), lookup.get('g', 3)])).toEqual([2, 4, 6]);
    const failing = [lookup.get('g', 13), lookup.get('g', 14), lookup.get('g', 15)];
    for (const one of failing) await expect(one).rejects.toThrow('database away');
  });
});
