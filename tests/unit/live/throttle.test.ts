import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createKeyedThrottle } from '../../../server/live/throttle.js';

beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => void vi.useRealTimers());

/** A throttled `run` that records when each key ran, and takes `busyMs` to finish. */
function recorder(busyMs = 0) {
  const runs: Array<[string, number]> = [];
  const run = vi.fn(async (key: string) => {
    runs.push([key, Date.now()]);
    if (busyMs) await new Promise((r) => setTimeout(r, busyMs));
  });
  return { runs, run };
}

describe('keyed throttle', () => {
  it('runs a first mark at once, and folds a burst of marks into one trailing run per interval', async () => {
    const { runs, run } = recorder();
    const throttle = createKeyedThrottle(run, 500, Date.now);
    throttle.mark('poll-1');
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([['poll-1', 1_000_000]]);
    for (let i = 0; i < 10; i++) {
      throttle.mark('poll-1');
      await vi.advanceTimersByTimeAsync(20);
    }
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toEqual([
      ['poll-1', 1_000_000],
      ['poll-1', 1_000_500],
    ]);
    throttle.close();
  });

  it('keeps keys apart: one busy poll does not delay another', async () => {
    const { runs, run } = recorder();
    const throttle = createKeyedThrottle(run, 500, Date.now);
    throttle.mark('a');
    throttle.mark('a');
    throttle.mark('b');
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toEqual([
      ['a', 1_000_000],
      ['b', 1_000_000],
    ]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(runs).toHaveLength(2); // the second mark of 'a' came before its run, so that run covered it
    throttle.close();
  });

  it('runs once more after a run that was busy when a mark arrived, so the last state goes out', async () => {
    const { runs, run } = recorder(800);
    const throttle = createKeyedThrottle(run, 500, Date.now);
    throttle.mark('k');
    await vi.advanceTimersByTimeAsync(100);
    throttle.mark('k'); // during the first run
    await vi.advanceTimersByTimeAsync(700);
    expect(runs).toHaveLength(1); // never two runs of one key at a time
    await vi.advanceTimersByTimeAsync(10);
    expect(runs).toHaveLength(2);
    expect(runs[1]![1]).toBeGreaterThanOrEqual(1_000_800); // after the busy run ended
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toHaveLength(2); // no mark since: no more runs
    throttle.close();
  });

  it('goes on after a run that failed', async () => {
    const run = vi.fn(async () => undefined).mockRejectedValueOnce(new Error('database away'));
    const throttle = createKeyedThrottle(run, 500, Date.now);
    throttle.mark('k');
    await vi.advanceTimersByTimeAsync(0);
    throttle.mark('k');
    await vi.advanceTimersByTimeAsync(500);
    expect(run).toHaveBeenCalledTimes(2);
    throttle.close();
  });

  it('runs nothing after close', async () => {
    const { runs, run } = recorder();
    const throttle = createKeyedThrottle(run, 500, Date.now);
    throttle.mark('k');
    await vi.advanceTimersByTimeAsync(0);
    throttle.mark('k');
    throttle.close();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(runs).toHaveLength(1);
  });

  it('uses the clock it is given to space runs', async () => {
    let t = 100_000;
    const { runs, run } = recorder();
    const throttle = createKeyedThrottle(run, 500, () => t);
    throttle.mark('k');
    await vi.advanceTimersByTimeAsync(0);
    t = 110_000; // by this clock the interval has long passed
    throttle.mark('k');
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(2);
    throttle.close();
  });
});
