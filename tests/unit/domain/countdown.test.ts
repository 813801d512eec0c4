import { describe, expect, it } from 'vitest';
import { closeDelay, isTimeUp, requireInTime, RETRY_FLOOR_MS } from '../../../server/domain/countdown.js';
import { LecternError } from '../../../server/domain/errors.js';

describe('poll countdown rules', () => {
  it('takes an answer up to the millisecond before the deadline and refuses one at or after it', () => {
    expect(isTimeUp(10_000, 9_999)).toBe(false);
    expect(isTimeUp(10_000, 10_000)).toBe(true);
    expect(isTimeUp(10_000, 60_000)).toBe(true);
  });

  it('never refuses an answer to a poll without a countdown', () => {
    expect(isTimeUp(null, Number.MAX_SAFE_INTEGER)).toBe(false);
    expect(() => requireInTime(null, 1e15)).not.toThrow();
  });

  it('refuses a late answer with time_up and a message a person understands', () => {
    let caught: unknown;
    try {
      requireInTime(5_000, 5_000);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(LecternError);
    expect(caught).toMatchObject({ code: 'time_up', message: 'Time is up: answers closed at 0:00.' });
  });

  it('waits until the deadline, closes at once when it has passed (a restart after it), and never past what a timer holds', () => {
    expect(closeDelay(10_000, 4_000)).toBe(6_000);
    expect(closeDelay(10_000, 12_000)).toBe(0);
    expect(closeDelay(1e13, 0)).toBe(2 ** 31 - 1);
  });

  it('waits a little before trying again when the database said the deadline was not reached yet', () => {
    expect(closeDelay(10_000, 10_000, true)).toBe(RETRY_FLOOR_MS);
    expect(closeDelay(10_000, 5_000, true)).toBe(5_000);
  });
});
