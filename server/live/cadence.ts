/**
 * At most once per interval per key, on an injectable clock: `take(key)` returns 0 and starts a new
 * interval when the key is due, else the milliseconds until it is (without starting one).
 */
export function createCadence(intervalMs: number, now: () => number = Date.now) {
  const last = new Map<string | number, number>();
  return {
    take(key: string | number): number {
      const at = now();
      const previous = last.get(key);
      const wait = previous === undefined ? 0 : previous + intervalMs - at;
      if (wait > 0) return wait;
      last.set(key, at);
      return 0;
    },
  };
}

export type Cadence = ReturnType<typeof createCadence>;
