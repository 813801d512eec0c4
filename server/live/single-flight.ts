/**
 * A value per key that callers share: while it is being computed every caller waits for the same
 * computation, and once done it serves for `maxAgeMs` (per call) before the next caller starts a
 * fresh one. A failure is not kept. `version` (a deck hash) makes an older value stale at once.
 * `now` is the clock (tests pass their own).
 */
export function createSingleFlight<T>(now: () => number = Date.now) {
  const entries = new Map<string, { value: Promise<T>; doneAt?: number; version?: string }>();
  return {
    get(key: string, compute: () => Promise<T>, opts: { maxAgeMs: number; version?: string }): Promise<T> {
      const e = entries.get(key);
      if (e && e.version === opts.version && (e.doneAt === undefined || now() - e.doneAt < opts.maxAgeMs)) return e.value;
      const entry: { value: Promise<T>; doneAt?: number; version?: string } = { value: compute(), ...(opts.version !== undefined ? { version: opts.version } : {}) };
      entries.set(key, entry);
      entry.value.then(
        () => (entry.doneAt = now()),
        () => entries.get(key) === entry && entries.delete(key),
      );
      return entry.value;
    },
    /** Drops the keys that start with `prefix` (all without one): the next caller computes afresh. */
    forget(prefix = '') {
      for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
    },
    get size() {
      return entries.size;
    },
  };
}
