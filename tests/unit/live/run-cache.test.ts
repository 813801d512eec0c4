import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../db/client.js';
import type { PollRow } from '../../../db/repo/index.js';
import { createRunCache } from '../../../server/live/polls/run-cache.js';
import { createSerialQueue } from '../../../server/live/serial.js';

const NO_DB = {} as Db; // the injected load never touches it

const pollRow = (key: string, status: 'open' | 'closed'): PollRow => ({
  id: key.length,
  runId: 1,
  pollKey: key,
  slideIndex: 1,
  question: `${key}?`,
  type: 'single',
  spec: { id: key, question: `${key}?`, type: 'single', options: ['a'], open: 'auto', close: 'manual', results: 'visible' },
  status,
  resultsHidden: false,
  openedAt: null,
  closedAt: null,
  closesAt: null,
  correctShownAt: null,
});

/** A database the test controls: what each load returns, and how many loads there were. */
function database(rows: PollRow[]) {
  const state = { rows };
  const load = vi.fn(async () => ({ rows: state.rows, active: null }));
  return { state, load };
}

const talk = { deck: { slug: 'intro' }, run: { id: 1 } };

describe('run cache', () => {
  it('loads a run once, sharing one load between concurrent callers', async () => {
    const db = database([pollRow('lunch', 'open')]);
    const cache = createRunCache({ db: NO_DB, serial: createSerialQueue(), load: db.load });
    const [a, b] = await Promise.all([cache.get(talk), cache.get(talk)]);
    expect(a).toBe(b);
    expect(await cache.get(talk)).toBe(a);
    expect(db.load).toHaveBeenCalledTimes(1);
    expect(cache.refOf(a.rows.get('lunch')!.id)).toEqual({ slug: 'intro', key: 'lunch' });
  });

  it('loads afresh after invalidate, and for a new run', async () => {
    const db = database([]);
    const cache = createRunCache({ db: NO_DB, serial: createSerialQueue(), load: db.load });
    await cache.get(talk);
    cache.invalidate('intro');
    await cache.get(talk);
    await cache.get({ ...talk, run: { id: 2 } });
    expect(db.load).toHaveBeenCalledTimes(3);
  });

  it('re-reads for a vote on a poll not open here at most once a second per talk', async () => {
    let now = 0;
    const db = database([]);
    const cache = createRunCache({ db: NO_DB, serial: createSerialQueue(), load: db.load, now: () => now });
    await cache.get(talk);
    // Another process opened the poll; its message to us was lost.
    db.state.rows = [pollRow('lunch', 'open')];
    expect((await cache.forVote(talk, 'lunch')).rows.get('lunch')?.status).toBe('open');
    expect(db.load).toHaveBeenCalledTimes(2);

    now += 500;
    await cache.forVote(talk, 'unknown');
    expect(db.load).toHaveBeenCalledTimes(2); // too soon
    await cache.forVote(talk, 'lunch'); // open here: no read at all
    now += 600;
    await cache.forVote(talk, 'unknown');
    expect(db.load).toHaveBeenCalledTimes(3);
  });
});
