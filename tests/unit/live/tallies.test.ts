import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../db/client.js';
import type { PollRow, StoredVote } from '../../../db/repo/index.js';
import { createTallies } from '../../../server/live/tallies.js';

const NO_DB = {} as Db; // the injected reader never touches it

const poll = { id: 7, spec: { id: 'lunch', question: 'Lunch?', type: 'single', options: ['Pizza', 'Salad'], open: 'auto', close: 'manual', results: 'visible' } } as PollRow;

/** A vote store the test fills; `reads` counts how often the tallies went to it. */
function store() {
  const votes: StoredVote[] = [];
  const readVotes = vi.fn(async (_db: Db, pollId: number) => (pollId === poll.id ? votes.map((v) => ({ ...v })) : []));
  return { vote: (answer: string, status: StoredVote['status'] = 'visible') => votes.push({ id: votes.length + 1, voterId: `v${votes.length}`, answer, status, at: 1 }), readVotes };
}

function manualClock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('poll tallies', () => {
  it('count what is stored', async () => {
    const s = store();
    s.vote('Pizza');
    s.vote('Pizza');
    s.vote('Salad');
    const tallies = createTallies(NO_DB, 1_000, { readVotes: s.readVotes });
    expect(await tallies.fresh(poll)).toEqual({ type: 'single', total: 3, options: ['Pizza', 'Salad'], counts: [2, 1] });
  });

  it('share one read among sockets connecting within maxAge, and read again after it', async () => {
    const s = store();
    const clock = manualClock();
    const tallies = createTallies(NO_DB, 1_000, { readVotes: s.readVotes, now: clock.now });
    s.vote('Pizza');
    await Promise.all([tallies.recent(poll), tallies.recent(poll), tallies.recent(poll)]);
    expect(s.readVotes).toHaveBeenCalledTimes(1);
    s.vote('Salad');
    clock.advance(999);
    expect((await tallies.recent(poll)).total).toBe(1); // at most a second old
    clock.advance(1);
    expect((await tallies.recent(poll)).total).toBe(2);
    expect(s.readVotes).toHaveBeenCalledTimes(2);
  });

  it('always read afresh for a broadcast, so the last one equals what is stored', async () => {
    const s = store();
    const tallies = createTallies(NO_DB, 1_000, { readVotes: s.readVotes, now: manualClock().now });
    s.vote('Pizza');
    await tallies.recent(poll);
    s.vote('Salad');
    expect((await tallies.fresh(poll)).total).toBe(2);
    expect((await tallies.recent(poll)).total).toBe(2); // the fresh read is what a new socket now shares
  });

  it('show a socket new votes at once after forget(pollId)', async () => {
    const s = store();
    const tallies = createTallies(NO_DB, 1_000, { readVotes: s.readVotes, now: manualClock().now });
    await tallies.recent(poll);
    s.vote('Salad');
    tallies.forget(poll.id);
    expect(await tallies.recent(poll)).toMatchObject({ total: 1, counts: [0, 1] });
  });

  it('do not keep a failed read: the next reader tries the database again', async () => {
    const s = store();
    s.readVotes.mockRejectedValueOnce(new Error('connection lost'));
    const tallies = createTallies(NO_DB, 1_000, { readVotes: s.readVotes, now: manualClock().now });
    await expect(tallies.recent(poll)).rejects.toThrow('connection lost');
    s.vote('Pizza');
    expect((await tallies.recent(poll)).total).toBe(1);
  });
});

describe('held and hidden answers', () => {
  it('count neither in the results nor in the total, and are listed for moderation', async () => {
    const s = store();
    s.vote('Pizza');
    s.vote('Salad', 'held');
    s.vote('Salad', 'hidden');
    const tallies = createTallies(NO_DB, 1_000, { readVotes: s.readVotes, reasonsFor: () => (a) => (a === 'Salad' ? ['blocklist: salad'] : []) });
    const { results, moderation } = await tallies.read({ ...poll, pollKey: 'lunch' } as PollRow);
    expect(results).toEqual({ type: 'single', total: 1, options: ['Pizza', 'Salad'], counts: [1, 0] });
    expect(moderation).toMatchObject({ poll: 'lunch', heldCount: 1, hiddenCount: 1 });
    expect(moderation.held).toEqual([{ id: 2, answer: 'Salad', status: 'held', at: 1, reasons: ['blocklist: salad'] }]);
    expect(moderation.shown.map((a) => a.id)).toEqual([1]);
  });
});
