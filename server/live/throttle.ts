/**
 * Per-key trailing throttle: `mark(key)` asks for `run(key)` at most once per interval, and a mark
 * that arrives while `run` is busy schedules one more run, so the last state always goes out.
 * `now` is the clock (tests pass their own, with fake timers).
 */
export function createKeyedThrottle(run: (key: string) => Promise<void>, intervalMs: number, now: () => number = Date.now) {
  const timers = new Map<string, NodeJS.Timeout>();
  const lastRun = new Map<string, number>();
  const busy = new Set<string>();
  const dirty = new Set<string>();

  function schedule(key: string) {
    if (timers.has(key) || busy.has(key)) return;
    const wait = Math.max(0, (lastRun.get(key) ?? 0) + intervalMs - now());
    const timer = setTimeout(() => void fire(key), wait);
    timers.set(key, timer);
  }

  async function fire(key: string) {
    timers.delete(key);
    dirty.delete(key);
    busy.add(key);
    lastRun.set(key, now());
    try {
      await run(key);
    } catch {
      // `run` reports its own failures; a timer callback must never reject (it would crash the process).
    } finally {
      busy.delete(key);
      if (dirty.has(key)) schedule(key);
    }
  }

  return {
    mark(key: string) {
      dirty.add(key);
      schedule(key);
    },
    close() {
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
}
