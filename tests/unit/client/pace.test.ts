import { describe, expect, it } from 'vitest';
import { paceOn, paceText, plannedStarts, remainingText } from '../../../client/lib/pace.js';

describe('the planned start of each slide', () => {
  it('splits the duration evenly when no slide has a time', () => {
    expect(plannedStarts(600, [undefined, undefined, undefined, undefined])).toEqual([0, 150, 300, 450]);
  });

  it('gives slides their own time and shares the rest among the others', () => {
    // 20 minutes: the demo takes 8, the intro 2; the 4 others share 10
    expect(plannedStarts(1_200, [120, undefined, 480, undefined, undefined, undefined])).toEqual([0, 120, 270, 750, 900, 1_050]);
  });

  it('leaves nothing to share when the own times use it all (or more)', () => {
    expect(plannedStarts(300, [200, undefined, 200, undefined])).toEqual([0, 200, 200, 400]);
  });
});

describe('ahead or behind the plan', () => {
  const starts = plannedStarts(600, [undefined, undefined, undefined, undefined]); // 0, 150, 300, 450

  it('is ahead when a slide is reached before its planned start', () => {
    expect(paceOn(starts, 600, 2, 220)).toBe(80);
    expect(paceText(80)).toBe('1:20 ahead');
  });

  it('is behind once the talk stays past the next slide’s planned start', () => {
    expect(paceOn(starts, 600, 1, 425)).toBe(-125);
    expect(paceText(-125)).toBe('2:05 behind');
  });

  it('is on time within the slide’s own window, and measures the last slide against the duration', () => {
    expect(paceOn(starts, 600, 1, 200)).toBe(0);
    expect(paceText(0)).toBe('on time');
    expect(paceOn(starts, 600, 3, 590)).toBe(0);
    expect(paceOn(starts, 600, 3, 660)).toBe(-60);
  });
});

describe('the talk’s remaining time', () => {
  it('counts down, then counts how far over it is', () => {
    expect(remainingText(1_200, 450)).toEqual({ text: '12:30 left', over: false });
    expect(remainingText(1_200, 1_200)).toEqual({ text: '0:00 left', over: false });
    expect(remainingText(1_200, 1_265)).toEqual({ text: '1:05 over', over: true });
    expect(remainingText(5_400, 0).text).toBe('1:30:00 left');
  });
});
