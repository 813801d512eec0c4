import { describe, expect, it } from 'vitest';
import { clockText, readCountdown, spokenMark } from '../../../client/lib/countdown.js';

describe('a poll countdown as the views show it', () => {
  it('shows whole seconds rounded up, as m:ss', () => {
    expect(readCountdown(30_000, 0, 0)).toEqual({ seconds: 30, text: '0:30', left: 1, up: false });
    expect(readCountdown(30_000, 100, 0).text).toBe('0:30'); // 29.9 s left still reads 0:30
    expect(readCountdown(90_000, 0, 0).text).toBe('1:30');
    expect(clockText(3_725)).toBe('1:02:05');
  });

  it('empties the ring as time runs and is up at zero, never below', () => {
    expect(readCountdown(30_000, 15_000, 0).left).toBeCloseTo(0.5);
    expect(readCountdown(30_000, 29_999, 0)).toMatchObject({ seconds: 1, up: false });
    expect(readCountdown(30_000, 30_000, 0)).toEqual({ seconds: 0, text: '0:00', left: 0, up: true });
    expect(readCountdown(30_000, 45_000, 0)).toEqual({ seconds: 0, text: '0:00', left: 0, up: true });
  });

  it('keeps the ring full without a start, and never over full when time was added', () => {
    expect(readCountdown(30_000, 10_000, null).left).toBe(1);
    expect(readCountdown(30_000, -5_000, 0).left).toBe(1); // a device clock behind the server's
    expect(readCountdown(5_000, -80, 0).text).toBe('0:05'); // never 0:06 for a 5-second countdown
  });

  it('speaks at whole minutes, at ten seconds and at zero only', () => {
    expect(spokenMark(120)).toBe('2 minutes left');
    expect(spokenMark(60)).toBe('1 minute left');
    expect(spokenMark(10)).toBe('10 seconds left');
    expect(spokenMark(0)).toBe("Time's up");
    for (const s of [119, 59, 30, 11, 9, 1]) expect(spokenMark(s)).toBeNull();
  });
});
