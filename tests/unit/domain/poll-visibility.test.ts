import { describe, expect, it } from 'vitest';
import type { PollResults } from '../../../contract/poll.js';
import { resultsAccess, resultsFor } from '../../../server/domain/poll-visibility.js';

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
