import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../server/deck/duration.js';

describe('parseDuration', () => {
  it.each([
    ['30s', 30],
    ['30 s', 30],
    ['1m30s', 90],
    ['1m 30s', 90],
    ['2 min', 120],
    ['20m', 1200],
    ['1h', 3600],
    ['1h 20m', 4800],
    ['1.5m', 90],
    ['1:30', 90],
    ['1:02:05', 3725],
    ['45', 45],
    [45, 45],
    ['90 seconds', 90],
  ])('%j is %i seconds', (text, seconds) => expect(parseDuration(text)).toBe(seconds));

  it.each(['', 'soon', '10 parsecs', '1:75', '-5', 'm30', true, null, undefined, Number.NaN, -3])('%j is not a duration', (text) =>
    expect(parseDuration(text)).toBeNull(),
  );
});

describe('formatDuration', () => {
  it('shows minutes and seconds, and hours when there are any', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(9)).toBe('0:09');
    expect(formatDuration(90)).toBe('1:30');
    expect(formatDuration(3725)).toBe('1:02:05');
    expect(formatDuration(-4)).toBe('0:00');
  });
});
