import { describe, expect, it } from 'vitest';
import type { QuestionView } from '../../../contract/events.js';
import { mergeQuestions } from '../../../client/lib/questions.js';

const q = (id: number, votes = 0): QuestionView => ({ id, text: `Q${id}?`, votes, status: 'approved', answered: false, pinned: false, at: id, slide: 0 });

describe('merging a questions:changed batch', () => {
  it('applies upvote-only counts to questions the list holds, and ignores the others', () => {
    const merged = mergeQuestions([q(1, 2), { ...q(2), mine: true }], [q(3)], [], { 1: 5, 2: 1, 99: 4 });
    expect(merged.map((x) => [x.id, x.votes, x.mine ?? false])).toEqual([
      [1, 5, false],
      [2, 1, true],
      [3, 0, false],
    ]);
  });
});
