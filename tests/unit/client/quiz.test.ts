import { describe, expect, it } from 'vitest';
import { formatPoints, isRight, ordinal, pointsGained, rightLine, standingLine, verdict } from '../../../client/lib/quiz.js';

describe('ranks as people read them', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [23, '23rd'],
    [101, '101st'],
    [111, '111th'],
    [112, '112th'],
  ])('%i is %s', (n, text) => expect(ordinal(n)).toBe(text));

  it('groups thousands the same on every phone', () => {
    expect(formatPoints(2350)).toBe('2,350');
    expect(formatPoints(850)).toBe('850');
  });

  it('says where a phone stands, with its score', () => {
    expect(standingLine({ rank: 3, score: 2350 }, 41)).toBe('You: 3rd of 41 · 2,350 points');
    expect(standingLine({ rank: 1, score: 1 }, 1)).toBe('You: 1st of 1 · 1 point');
  });
});

describe('right or wrong', () => {
  it('takes a single choice that names the right option', () => {
    expect(isRight('Lima', ['Lima'])).toBe(true);
    expect(isRight('Quito', ['Lima'])).toBe(false);
  });

  it('takes a multiple choice only when it names exactly the right set, in any order', () => {
    expect(isRight(['B', 'A'], ['A', 'B'])).toBe(true);
    expect(isRight(['A'], ['A', 'B'])).toBe(false);
    expect(isRight(['A', 'B', 'C'], ['A', 'B'])).toBe(false);
  });

  it('counts no answer (or a number) as not right', () => {
    expect(isRight(undefined, ['Lima'])).toBe(false);
    expect(isRight(3, ['3'])).toBe(false);
  });
});

describe('points a reveal gave', () => {
  it('is the change in score', () => {
    expect(pointsGained(1500, 2350, true)).toBe(850);
    expect(pointsGained(1500, 1500, false)).toBe(0);
  });

  it('is unknown before the new standing arrives, or for a phone that joined after the reveal', () => {
    expect(pointsGained(1500, 1500, true)).toBeUndefined();
    expect(pointsGained(undefined, 2350, true)).toBeUndefined();
    expect(pointsGained(0, undefined, true)).toBeUndefined();
  });

  it('reads as a verdict on the phone', () => {
    expect(verdict('Lima', ['Lima'], 850)).toBe('Right! +850');
    expect(verdict('Lima', ['Lima'], undefined)).toBe('Right!');
    expect(verdict('Quito', ['Lima'], 0)).toBe('Not this time — the answer was Lima');
    expect(verdict(['A'], ['A', 'B'], 0)).toBe('Not this time — the answers were A, B');
    expect(verdict(undefined, ['Lima'], undefined)).toBe('No answer from you — the answer was Lima');
  });
});

describe('how many got it right', () => {
  it('reads against the answers that count', () => {
    expect(rightLine({ rightCount: 12 }, { total: 30 })).toBe('12 of 30 got it right');
    expect(rightLine({ rightCount: 0 }, undefined)).toBe('0 got it right');
  });
});
