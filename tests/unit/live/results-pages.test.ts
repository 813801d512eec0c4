import { describe, expect, it } from 'vitest';
import type { TalkResults } from '../../../contract/http.js';
import { answerPage, withAnswerPages } from '../../../server/live/results.js';

const answers = (n: number) => Array.from({ length: n }, (_, i) => ({ answer: `text ${i}`, at: i }));

describe('answer pages in the results', () => {
  it('cuts each poll to the limit with a cursor, and leaves short ones whole', () => {
    const results = {
      slug: 's',
      title: 'S',
      runs: [{ id: 1, polls: [{ id: 'long', answers: answers(450) }, { id: 'short', answers: answers(3) }] }],
    } as unknown as TalkResults;
    const paged = withAnswerPages(results, 200);
    const [long, short] = paged.runs[0]!.polls;
    expect(long!.answers).toHaveLength(200);
    expect(long!.answersNext).toBe('200');
    expect(short!.answers).toHaveLength(3);
    expect(short!.answersNext).toBeUndefined();
    expect(results.runs[0]!.polls[0]!.answers).toHaveLength(450); // the cached copy is never cut
  });

  it('walks the rest page by page until no cursor is left', () => {
    const all = answers(450);
    const two = answerPage(all, 200, 200);
    expect(two.answers[0]).toEqual({ answer: 'text 200', at: 200 });
    expect(two.next).toBe('400');
    const three = answerPage(all, 400, 200);
    expect(three.answers).toHaveLength(50);
    expect(three.next).toBeUndefined();
  });
});
