import { describe, expect, it } from 'vitest';
import type { AnswerStatus, PollResults } from '../../../contract/poll.js';
import { answerModeration, answersWithWord, arrivalStatus, countsInResults, resultsAccess, resultsFor, screenedTexts, statusAfter } from '../../../server/domain/poll-visibility.js';

const visible = { resultsHidden: false };
const hidden = { resultsHidden: true };
const results: PollResults = { type: 'single', total: 3, options: ['a', 'b'], counts: [2, 1] };

describe('resultsAccess', () => {
  it('gives the presenter everything, hidden or not', () => {
    expect(resultsAccess({ role: 'presenter' }, visible)).toBe('full');
    expect(resultsAccess({ role: 'presenter' }, hidden)).toBe('full');
  });

  it('gives the keyless screen visible results, and only the count of hidden ones', () => {
    expect(resultsAccess({ role: 'screen' }, visible)).toBe('full');
    expect(resultsAccess({ role: 'screen' }, hidden)).toBe('count');
  });

  it('gives a phone visible results once it answered, and never hidden ones', () => {
    expect(resultsAccess({ role: 'audience' }, visible)).toBe('none');
    expect(resultsAccess({ role: 'audience', answered: true }, visible)).toBe('full');
    expect(resultsAccess({ role: 'audience', answered: true }, hidden)).toBe('none');
  });
});

describe('resultsFor', () => {
  it('hands back the tally, the tally redacted to its count, or nothing', () => {
    expect(resultsFor({ role: 'presenter' }, hidden, results)).toBe(results);
    expect(resultsFor({ role: 'screen' }, hidden, results)).toEqual({ type: 'single', total: 3, options: ['a', 'b'], counts: [0, 0] });
    expect(resultsFor({ role: 'audience' }, visible, results)).toBeUndefined();
  });
});

describe('answer moderation rules', () => {
  it('only visible answers count', () => {
    expect(countsInResults('visible')).toBe(true);
    expect(countsInResults('held')).toBe(false);
    expect(countsInResults('hidden')).toBe(false);
  });

  it('a new answer is held when the poll is pre-moderated or the filter flagged it', () => {
    expect(arrivalStatus({}, false)).toBe('visible');
    expect(arrivalStatus({}, true)).toBe('held');
    expect(arrivalStatus({ moderation: 'pre' }, false)).toBe('held');
  });

  it('approving shows (also unhides), hiding hides', () => {
    expect(statusAfter('approve')).toBe('visible');
    expect(statusAfter('hide')).toBe('hidden');
  });

  it('screens the words and texts the audience typed, never the deck’s options or numbers', () => {
    expect(screenedTexts({ type: 'words' }, ['a', 'b'])).toEqual(['a', 'b']);
    expect(screenedTexts({ type: 'text' }, 'hello')).toEqual(['hello']);
    expect(screenedTexts({ type: 'single' }, 'Yes')).toEqual([]);
    expect(screenedTexts({ type: 'scale' }, 3)).toEqual([]);
  });

  it('finds the answers holding a word as the cloud counts it (case, spaces)', () => {
    const answers = [
      { id: 1, answer: ['DNS', 'cats'] },
      { id: 2, answer: ['dns '] },
      { id: 3, answer: ['dogs'] },
    ];
    expect(answersWithWord(answers, ' Dns')).toEqual([1, 2]);
    expect(answersWithWord(answers, 'bird')).toEqual([]);
  });

  it('lists held answers oldest first, hidden and shown newest first, capped, with counts', () => {
    const answers = Array.from({ length: 150 }, (_, i) => ({ id: i + 1, answer: `t${i + 1}`, status: (i % 3 === 0 ? 'held' : i % 3 === 1 ? 'hidden' : 'visible') as AnswerStatus, at: i }));
    const m = answerModeration('p', answers, (a) => [`why ${String(a)}`]);
    expect(m.heldCount).toBe(50);
    expect(m.hiddenCount).toBe(50);
    expect(m.held[0]).toEqual({ id: 1, answer: 't1', status: 'held', at: 0, reasons: ['why t1'] });
    expect(m.hidden[0]!.id).toBe(149);
    expect(m.shown).toHaveLength(30);
    expect(m.shown[0]).toEqual({ id: 150, answer: 't150', status: 'visible', at: 149 });
  });

  it('a moderator sees results as the presenter does, hidden or not', () => {
    expect(resultsAccess({ role: 'moderator' }, { resultsHidden: true })).toBe('full');
  });
});
