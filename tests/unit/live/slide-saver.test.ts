import type { Logger } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../db/client.js';
import { createSlideSaver } from '../../../server/live/slide-saver.js';

const NO_DB = {} as Db; // the injected write never touches it

/** A database write the test controls: records what landed, and fails while `down`. */
function database() {
  const saved: Array<[number, number]> = [];
  const state = { down: false };
  const write = vi.fn(async (_db: Db, runId: number, index: number) => {
    if (state.down) throw new Error('connection refused');
    saved.push([runId, index]);
  });
  return { saved, state, write };
}

function logger() {
  return { info: vi.fn(), warn: vi.fn() } as unknown as Logger & { info: ReturnType<typeof vi.fn>; warn: ReturnType<typeof vi.fn> };
}

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

describe('slide saver', () => {
  it('saves the slide and resolves once it is written', async () => {
    const db = database();
    const saver = createSlideSaver(NO_DB, logger(), 1_000, db.write);
    await saver.save(1, 3);
    expect(db.saved).toEqual([[1, 3]]);
    expect(saver.isPending(1)).toBe(false);
  });

  it('writes only the latest slide of a run queued while a write was under way, so an older one never lands last', async () => {
    const db = database();
    const saver = createSlideSaver(NO_DB, logger(), 1_000, db.write);
    const first = saver.save(1, 1);
    void saver.save(1, 2);
    void saver.save(1, 3);
    void saver.save(2, 5);
    await first;
    await saver.flush();
    expect(db.saved.at(-1)).toEqual([2, 5]);
    expect(db.saved.filter(([run]) => run === 1).at(-1)).toEqual([1, 3]);
    expect(db.saved).not.toContainEqual([1, 2]);
  });

  it('keeps retrying the latest slide while the database is away, warning once, and saves it when it is back', async () => {
    const db = database();
    const log = logger();
    const saver = createSlideSaver(NO_DB, log, 1_000, db.write);
    db.state.down = true;
    await saver.save(1, 4); // resolves: slide sync must not wait for the database
    expect(saver.isPending(1)).toBe(true);
    await saver.save(1, 5);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(db.saved).toEqual([]);
    expect(log.warn).toHaveBeenCalledTimes(1);

    db.state.down = false;
    await vi.advanceTimersByTimeAsync(1_000);
    await saver.flush();
    expect(db.saved).toEqual([[1, 5]]);
    expect(saver.isPending(1)).toBe(false);
    expect(log.info).toHaveBeenCalledWith('current slide saved again after a database outage');
  });

  it('stops retrying after close', async () => {
    const db = database();
    const saver = createSlideSaver(NO_DB, logger(), 1_000, db.write);
    db.state.down = true;
    await saver.save(1, 4);
    const attempts = db.write.mock.calls.length;
    saver.close();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(db.write.mock.calls.length).toBe(attempts);
  });
});
