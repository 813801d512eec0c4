import { describe, expect, it } from 'vitest';
import type { PollSpec } from '../../../server/deck/types.js';
import { acceptVote, applyDeckEdit, sameSpec, normalizeWord, redactResults, tally } from '../../../server/domain/poll.js';

const base = { open: 'auto', close: 'manual', results: 'visible' } as const;
const single: PollSpec = { ...base, id: 's', question: 'Q?', type: 'single', options: ['DNS', 'Disks', 'Updates'] };
const multiple: PollSpec = { ...base, id: 'm', question: 'Q?', type: 'multiple', options: ['a', 'b', 'c', 'd'], max: 2 };
const words: PollSpec = { ...base, id: 'w', question: 'Q?', type: 'words' };
const scale: PollSpec = { ...base, id: 'r', question: 'Q?', type: 'scale', scaleMin: 1, scaleMax: 5 };
const text: PollSpec = { ...base, id: 't', question: 'Q?', type: 'text' };

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'accepted';
};

describe('acceptVote', () => {
  it('accepts a valid answer of each type in its stored form', () => {
    expect(acceptVote(single, 'open', 'Disks')).toBe('Disks');
    expect(acceptVote(single, 'open', ['DNS'])).toBe('DNS');
    expect(acceptVote(multiple, 'open', ['c', 'a', 'a'])).toEqual(['a', 'c']);
    expect(acceptVote(words, 'open', ['  Kubernetes ', 'dns', 'DNS'])).toEqual(['Kubernetes', 'dns']);
    expect(acceptVote(words, 'open', 'power   supply')).toEqual(['power supply']);
    expect(acceptVote(scale, 'open', 4)).toBe(4);
    expect(acceptVote(text, 'open', '  it was DNS  ')).toBe('it was DNS');
  });

  it.each([
    ['closed poll', () => acceptVote(single, 'closed', 'DNS'), 'poll_closed'],
    ['option not in the poll', () => acceptVote(single, 'open', 'Printers'), 'invalid_option'],
    ['two options on a single poll', () => acceptVote(single, 'open', ['DNS', 'Disks']), 'too_many_choices'],
    ['wrong shape: number for single', () => acceptVote(single, 'open', 2), 'invalid_answer'],
    ['wrong shape: object for multiple', () => acceptVote(multiple, 'open', { a: 1 }), 'invalid_answer'],
    ['wrong shape: text for scale', () => acceptVote(scale, 'open', 'four'), 'invalid_answer'],
    ['wrong shape: fraction for scale', () => acceptVote(scale, 'open', 2.5), 'invalid_answer'],
    ['scale out of range', () => acceptVote(scale, 'open', 6), 'invalid_option'],
    ['wrong shape: list for text', () => acceptVote(text, 'open', ['x']), 'invalid_answer'],
    ['more choices than allowed', () => acceptVote(multiple, 'open', ['a', 'b', 'c']), 'too_many_choices'],
    ['more words than allowed', () => acceptVote(words, 'open', ['a', 'b', 'c', 'd']), 'too_many_choices'],
    ['a word over 40 characters', () => acceptVote(words, 'open', ['x'.repeat(41)]), 'word_too_long'],
    ['a text over 280 characters', () => acceptVote(text, 'open', 'x'.repeat(281)), 'text_too_long'],
    ['empty text', () => acceptVote(text, 'open', '   '), 'empty_answer'],
    ['empty words', () => acceptVote(words, 'open', ['', ' ']), 'empty_answer'],
    ['empty choice list', () => acceptVote(multiple, 'open', []), 'empty_answer'],
    ['no answer', () => acceptVote(single, 'open', undefined), 'empty_answer'],
    ['a NUL character (Postgres cannot store it)', () => acceptVote(text, 'open', 'a\u0000b'), 'invalid_answer'],
    ['a lone surrogate', () => acceptVote(words, 'open', ['x\ud800']), 'invalid_answer'],
  ])('refuses %s', (_name, fn, code) => {
    expect(codeOf(fn)).toBe(code);
  });

  it('counts characters, not UTF-16 units, for length limits', () => {
    expect(acceptVote(words, 'open', ['🙂'.repeat(40)])).toHaveLength(1);
    expect(acceptVote(text, 'open', '🙂'.repeat(280))).toHaveLength(560);
  });
});

describe('tally', () => {
  it('counts choices per option', () => {
    const r = tally(single, [{ answer: 'DNS', at: 1 }, { answer: 'DNS', at: 2 }, { answer: 'Updates', at: 3 }]);
    expect(r).toEqual({ type: 'single', total: 3, options: ['DNS', 'Disks', 'Updates'], counts: [2, 0, 1] });
    const m = tally(multiple, [{ answer: ['a', 'b'], at: 1 }, { answer: ['b'], at: 2 }]);
    expect(m).toMatchObject({ total: 2, counts: [1, 2, 0, 0] });
  });

  it('merges words that differ only in case and spacing', () => {
    const r = tally(words, [{ answer: ['DNS', 'Power  Supply'], at: 1 }, { answer: ['dns '], at: 2 }, { answer: ['power supply'], at: 3 }]);
    expect(r).toEqual({ type: 'words', total: 3, words: [{ word: 'dns', count: 2 }, { word: 'power supply', count: 2 }] });
    expect(normalizeWord('  Ein  Wort ')).toBe('ein wort');
  });

  it('builds a histogram with the mean', () => {
    const r = tally(scale, [1, 5, 5, 4].map((answer, at) => ({ answer, at })));
    expect(r).toEqual({ type: 'scale', total: 4, min: 1, max: 5, histogram: [1, 0, 0, 1, 2], mean: 3.75 });
    expect(tally(scale, [])).toMatchObject({ mean: null, histogram: [0, 0, 0, 0, 0] });
  });

  it('lists the latest text answers first', () => {
    const r = tally(text, [{ answer: 'first', at: 1 }, { answer: 'second', at: 2 }]);
    expect(r).toEqual({ type: 'text', total: 2, answers: [{ text: 'second', at: 2 }, { text: 'first', at: 1 }] });
  });
});

describe('redactResults', () => {
  it('keeps only the number of answers', () => {
    expect(redactResults(tally(single, [{ answer: 'DNS', at: 1 }]))).toMatchObject({ total: 1, counts: [0, 0, 0] });
    expect(redactResults(tally(scale, [{ answer: 5, at: 1 }]))).toMatchObject({ total: 1, histogram: [0, 0, 0, 0, 0], mean: null });
    expect(redactResults(tally(words, [{ answer: ['dns'], at: 1 }]))).toMatchObject({ total: 1, words: [] });
    expect(redactResults(tally(text, [{ answer: 'secret', at: 1 }]))).toMatchObject({ total: 1, answers: [] });
  });
});

describe('applyDeckEdit', () => {
  it('takes any edit before the first answer', () => {
    const fixed = { ...single, options: ['DNS', 'Disk', 'Updates'] };
    expect(applyDeckEdit(single, fixed, false)).toEqual({ spec: fixed, kept: false });
    expect(applyDeckEdit(single, scale, false)).toEqual({ spec: scale, kept: false });
  });

  it('after answers, takes what keeps stored answers meaningful and keeps the rest', () => {
    const reworded = { ...single, question: 'What breaks?', close: 'on-leave' as const };
    expect(applyDeckEdit(single, reworded, true)).toEqual({ spec: reworded, kept: false });
    expect(applyDeckEdit(single, { ...single, question: 'What breaks?', options: ['DNS', 'Disk', 'Updates'] }, true)).toEqual({
      spec: { ...single, question: 'What breaks?' },
      kept: true,
    });
    expect(applyDeckEdit(single, { ...single, options: ['Disks', 'DNS', 'Updates'] }, true).spec.options).toEqual(single.options);
    expect(applyDeckEdit(multiple, { ...multiple, max: 3 }, true)).toEqual({ spec: { ...multiple, max: 3 }, kept: false });
    expect(applyDeckEdit(scale, { ...scale, labels: ['meh', 'great'] }, true).kept).toBe(false);
    expect(applyDeckEdit(scale, { ...scale, scaleMax: 10, labels: ['meh', 'great'] }, true)).toEqual({ spec: { ...scale, labels: ['meh', 'great'] }, kept: true });
    expect(applyDeckEdit(words, { ...words, max: 5 }, true).kept).toBe(false);
  });

  it('keeps a type that has answers, with its own options and limits', () => {
    const { spec, kept } = applyDeckEdit(multiple, { ...base, id: 'm', question: 'Rate it', type: 'scale', scaleMin: 1, scaleMax: 5 }, true);
    expect(kept).toBe(true);
    expect(spec).toEqual({ ...multiple, question: 'Rate it' });
  });
});

describe('sameSpec', () => {
  it('compares content, not key order (jsonb reorders keys)', () => {
    const reordered = JSON.parse(JSON.stringify({ type: single.type, options: single.options, id: single.id, question: single.question, results: 'visible', close: 'manual', open: 'auto' }));
    expect(sameSpec(single, reordered)).toBe(true);
    expect(sameSpec(single, { ...single, options: ['DNS', 'Updates', 'Disks'] })).toBe(false);
    expect(sameSpec(single, { ...single, max: undefined })).toBe(true);
  });
});

describe('moderation: pre survives deck edits', () => {
  const base = { id: 'w', question: 'Words?', type: 'words' as const, max: 3, open: 'auto' as const, close: 'manual' as const, results: 'visible' as const };
  it('turning pre-moderation on or off applies even after answers', () => {
    expect(applyDeckEdit(base, { ...base, moderation: 'pre' }, true).spec.moderation).toBe('pre');
    expect(applyDeckEdit({ ...base, moderation: 'pre' }, base, true).spec.moderation).toBeUndefined();
    // another type keeps the run's shape, but the moderation is the edit's
    expect(applyDeckEdit({ ...base, moderation: 'pre' }, { ...base, type: 'text', max: undefined }, true).spec).not.toHaveProperty('moderation');
  });
});
