import { describe, expect, it } from 'vitest';
import { firstPage, olderPage } from '../../../server/domain/qa-page.js';

const q = (id: number, votes = 0, extra: Partial<{ pinned: boolean; mine: boolean }> = {}) => ({ id, votes, pinned: false, mine: false, ...extra });
const range = (n: number) => Array.from({ length: n }, (_, i) => q(i + 1));

describe('the first page of questions', () => {
  it('holds every question while there are no more than top + newest', () => {
    const rows = range(10);
    expect(firstPage(rows, { top: 5, newest: 5 })).toEqual({ questions: rows });
  });

  it('holds the most upvoted and the newest once each, in asked order, and says where the rest are', () => {
    const rows = range(100).map((r) => (r.id === 10 ? { ...r, votes: 9 } : r.id === 20 ? { ...r, votes: 5 } : r.id === 99 ? { ...r, votes: 7 } : r));
    const page = firstPage(rows, { top: 3, newest: 3 });
    // top 3 by votes: 10, 99, 20; newest 3: 98, 99, 100 (99 once)
    expect(page.questions.map((x) => x.id)).toEqual([10, 20, 98, 99, 100]);
    expect(page.more).toEqual({ total: 100, before: 98 });
  });

  it('breaks ties in votes by asking order (the first asked stays in)', () => {
    const page = firstPage(range(20), { top: 2, newest: 2 });
    expect(page.questions.map((x) => x.id)).toEqual([1, 2, 19, 20]);
  });

  it('always keeps the pinned question and what `always` asks for (a phone\'s own), however old', () => {
    const rows = range(200).map((r) => (r.id === 3 ? { ...r, pinned: true } : r.id === 4 ? { ...r, mine: true } : r));
    const page = firstPage(rows, { top: 1, newest: 1, always: (x) => x.mine });
    expect(page.questions.map((x) => x.id)).toEqual([1, 3, 4, 200]);
    expect(page.more?.total).toBe(200);
  });

  it('stays bounded with 700 questions (the issue\'s flood): 100 by default', () => {
    expect(firstPage(range(700)).questions.length).toBe(100);
  });
});

describe('older pages', () => {
  it('walks back from `before`, newest first, until nothing is left', () => {
    const rows = range(25);
    const one = olderPage(rows, 21, 10);
    expect(one.questions.map((x) => x.id)).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11]);
    expect(one.before).toBe(11);
    const two = olderPage(rows, one.before!, 10);
    expect(two.questions.map((x) => x.id)).toEqual([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(two.before).toBeUndefined();
  });

  it('never returns more than the maximum page, whatever is asked', () => {
    expect(olderPage(range(500), 501, 10_000).questions).toHaveLength(100);
  });
});
