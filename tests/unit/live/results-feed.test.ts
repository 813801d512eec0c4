import type { Logger } from 'pino';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PollRow } from '../../../db/repo/index.js';
import type { AnswerModeration, PollResults } from '../../../contract/poll.js';
import { createResultsFeed } from '../../../server/live/polls/results-feed.js';
import type { PollEvent } from '../../../server/live/polls/view.js';

const row: PollRow = {
  id: 7,
  runId: 1,
  pollKey: 'lunch',
  slideIndex: 1,
  question: 'Lunch?',
  type: 'single',
  spec: { id: 'lunch', question: 'Lunch?', type: 'single', options: ['a', 'b'], open: 'auto', close: 'manual', results: 'visible' },
  status: 'open',
  resultsHidden: false,
  openedAt: 1,
  closedAt: null,
  closesAt: null,
  correctShownAt: null,
};

function feed() {
  const events: (Extract<PollEvent, { type: 'poll:results' }> & { at: number })[] = [];
  let total = 0;
  const results = createResultsFeed({
    current: async (id) => (id === row.id ? { slug: 'intro', row } : undefined),
    read: async (): Promise<{ results: PollResults; moderation: AnswerModeration }> => ({
      results: { type: 'single', total, options: ['a', 'b'], counts: [total, 0] },
      moderation: { poll: 'lunch', held: [], hidden: [], shown: [], heldCount: 0, hiddenCount: 0 },
    }),
    emit: (e) => void (e.type === 'poll:results' && events.push({ ...e, at: Date.now() })),
    log: { warn: vi.fn() } as unknown as Logger,
    now: () => Date.now(), // the fake timers' clock
  });
  return { results, events, vote: () => (total++, results.mark(row.id)) };
}

beforeEach(() => void vi.useFakeTimers({ now: 100_000 }));
afterEach(() => void vi.useRealTimers());

describe('results feed', () => {
  it('sends a burst of answers as one broadcast, to the phones too when they are due', async () => {
    const { results, events, vote } = feed();
    vote();
    vote();
    vote();
    await vi.advanceTimersByTimeAsync(0);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ slug: 'intro', toVoters: true, results: { total: 3 } });
    results.close();
  });

  it('sends staff results every 250 ms, phones every second, and the last tally to both', async () => {
    const { results, events, vote } = feed();
    vote();
    await vi.advanceTimersByTimeAsync(0);
    for (let i = 0; i < 4; i++) {
      vote();
      await vi.advanceTimersByTimeAsync(250);
    }
    await vi.advanceTimersByTimeAsync(1_000);
    const toVoters = events.filter((e) => e.toVoters);
    const gaps = (list: { at: number }[]) => list.slice(1).map((e, i) => e.at - list[i]!.at);
    expect(events.length).toBeGreaterThanOrEqual(5);
    expect(Math.min(...gaps(events))).toBeGreaterThanOrEqual(250);
    expect(toVoters.length).toBeGreaterThanOrEqual(2);
    expect(Math.min(...gaps(toVoters))).toBeGreaterThanOrEqual(1_000);
    expect(toVoters.at(-1)?.results.total).toBe(5);
    expect(events.at(-1)?.results.total).toBe(5);
    results.close();
  });

  it('sends nothing for a poll a newer run replaced', async () => {
    const { results, events } = feed();
    results.mark(99);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(events).toEqual([]);
    results.close();
  });
});
