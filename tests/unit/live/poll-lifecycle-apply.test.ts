import { describe, expect, it, vi } from 'vitest';
import type { PollRow } from '../../../db/repo/index.js';
import type { PollSpec } from '../../../contract/poll.js';
import { createLifecycle } from '../../../server/live/polls/lifecycle.js';
import type { ResultsFeed } from '../../../server/live/polls/results-feed.js';
import type { PollRows } from '../../../server/live/polls/rows.js';
import type { RunCache, RunPolls } from '../../../server/live/polls/run-cache.js';
import type { Talks } from '../../../server/live/talks.js';

const spec = (id: string): PollSpec => ({ id, question: `${id}?`, type: 'single', options: ['a'], open: 'auto', close: 'on-leave', results: 'visible' });
const rowOf = (s: PollSpec, over: Partial<PollRow> = {}): PollRow => ({
  id: 1,
  runId: 1,
  pollKey: s.id,
  slideIndex: 1,
  question: s.question,
  type: s.type,
  spec: s,
  status: 'closed',
  resultsHidden: false,
  openedAt: null,
  closedAt: null,
  closesAt: null,
  correctShownAt: null,
  ...over,
});

/** A talk of four slides (slide 1 has a poll) on `slide`, and parts that record what was written. */
function setUp(slide: number, state: RunPolls, stored?: PollRow) {
  const lunch = spec('lunch');
  const talk = { deck: { slug: 'intro', slides: [{}, { poll: lunch }, {}, {}] }, run: { id: 1, currentSlide: slide } };
  const writes: string[] = [];
  const rows = {
    ensure: vi.fn(async (s: RunPolls, _slug: string, p: PollSpec) => {
      const row = stored ?? rowOf(p);
      s.rows.set(row.pollKey, row);
      writes.push(`create ${p.id}`);
      return row;
    }),
    setStatus: vi.fn(async (s: RunPolls, row: PollRow, status: 'open' | 'closed') => {
      s.rows.set(row.pollKey, { ...row, status });
      writes.push(`${status} ${row.pollKey}`);
      return s.rows.get(row.pollKey)!;
    }),
    activate: vi.fn(async (s: RunPolls, key: string | null) => {
      s.active = key;
      writes.push(`show ${key}`);
    }),
  } as unknown as PollRows;
  const feed = { announce: vi.fn(async () => void writes.push('announce')) } as unknown as ResultsFeed;
  const cache = { get: async () => state } as unknown as RunCache;
  const talks = { require: () => talk } as unknown as Talks;
  return { follow: createLifecycle({ talks, cache, rows, feed }), writes, lunch };
}

const empty = (): RunPolls => ({ runId: 1, rows: new Map(), active: null });

describe('poll lifecycle, applied', () => {
  it('writes and announces nothing on a move between slides without polls, and says nothing changed', async () => {
    const { follow, writes } = setUp(3, empty());
    expect(await follow('intro', 2)).toBe(false);
    expect(writes).toEqual([]);
  });

  it('creates, opens, shows and announces the poll of the slide reached, in that order', async () => {
    const { follow, writes } = setUp(1, empty());
    expect(await follow('intro', 0)).toBe(true);
    expect(writes).toEqual(['create lunch', 'open lunch', 'show lunch', 'announce']);
  });

  it('does not open again a poll another process created and opened first', async () => {
    const lunch = spec('lunch');
    const { follow, writes } = setUp(1, empty(), rowOf(lunch, { status: 'open', openedAt: 5 }));
    await follow('intro', 0);
    expect(writes).toEqual(['create lunch', 'show lunch', 'announce']);
  });

  it('closes the on-leave poll of the slide left before anything else', async () => {
    const lunch = spec('lunch');
    const state: RunPolls = { runId: 1, rows: new Map([['lunch', rowOf(lunch, { status: 'open', openedAt: 5 })]]), active: 'lunch' };
    const { follow, writes } = setUp(2, state);
    expect(await follow('intro', 1)).toBe(true);
    expect(writes).toEqual(['closed lunch', 'show null', 'announce']);
  });
});
