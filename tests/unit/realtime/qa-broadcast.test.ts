import { describe, expect, it } from 'vitest';
import type { QuestionRow } from '../../../db/repo/index.js';
import { questionPayloads } from '../../../server/realtime/qa-broadcast.js';

const row = (id: number, extra: Partial<QuestionRow> = {}): QuestionRow => ({
  id,
  runId: 1,
  slideIndex: 0,
  displayName: null,
  text: `Question ${id}?`,
  status: 'approved',
  answered: false,
  pinned: false,
  createdAt: 1_000 + id,
  votes: 0,
  voterId: `voter-${id}`,
  ...extra,
});

describe('a batch of question changes per audience class', () => {
  it('gives staff every status and phones only what the room is shown, never a voter id', () => {
    const { staff, audience } = questionPayloads({ changed: [row(1), row(2, { status: 'pending' }), row(3, { status: 'hidden' })] });
    expect(staff.questions.map((q) => [q.id, q.status])).toEqual([
      [1, 'approved'],
      [2, 'pending'],
      [3, 'hidden'],
    ]);
    expect(audience).toEqual({ questions: [expect.objectContaining({ id: 1 })], removed: [3] });
    expect(JSON.stringify({ staff, audience })).not.toContain('voter-');
  });

  it('sends upvote-only changes as counts, to phones only for shown questions', () => {
    const { staff, audience } = questionPayloads({ changed: [], votes: [row(4, { votes: 7 }), row(5, { votes: 2, status: 'hidden' })] });
    expect(staff).toEqual({ questions: [], votes: { 4: 7, 5: 2 } });
    expect(audience).toEqual({ questions: [], votes: { 4: 7 } });
  });

  it('tells phones nothing when the batch holds only pending questions', () => {
    expect(questionPayloads({ changed: [row(6, { status: 'pending' })] }).audience).toBeNull();
  });
});
