import type { Logger } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../db/client.js';
import type { SlideVisit } from '../../../db/repo/index.js';
import { createSlideSaver } from '../../../server/live/slide-saver.js';

const NO_DB = {} as Db;
const log = { info: vi.fn(), warn: vi.fn() } as unknown as Logger;

describe('slide saver: arrivals', () => {
  it('writes each move with its arrival; moves queued behind a write land together, in order, none lost', async () => {
    const writes: [number, number, SlideVisit[]][] = [];
    const write = vi.fn(async (_db: Db, runId: number, index: number, visits: readonly SlideVisit[] = []) => void writes.push([runId, index, [...visits]]));
    const saver = createSlideSaver(NO_DB, log, 1_000, write);
    const first = saver.save(1, 1, 10);
    void saver.save(1, 2, 20);
    void saver.save(1, 3, 30);
    await first;
    await saver.flush();
    expect(writes).toEqual([
      [1, 1, [{ slide: 1, at: 10 }]],
      [1, 3, [{ slide: 2, at: 20 }, { slide: 3, at: 30 }]],
    ]);
  });

  it('keeps arrivals through a failed write and sends them with the next one', async () => {
    let down = true;
    const writes: SlideVisit[][] = [];
    const write = vi.fn(async (_db: Db, _runId: number, _index: number, visits: readonly SlideVisit[] = []) => {
      if (down) throw new Error('connection refused');
      writes.push([...visits]);
    });
    const saver = createSlideSaver(NO_DB, log, 1_000, write);
    await saver.save(1, 4, 40);
    down = false;
    await saver.save(1, 5, 50);
    await saver.flush();
    expect(writes).toEqual([[{ slide: 4, at: 40 }, { slide: 5, at: 50 }]]);
    saver.close();
  });
});
