import { describe, expect, it } from 'vitest';
import { createCadence } from '../../../server/live/cadence.js';

describe('cadence', () => {
  it('lets a key through at once, then once per interval, saying how long to wait meanwhile', () => {
    let now = 10_000;
    const cadence = createCadence(1_000, () => now);
    expect(cadence.take('a')).toBe(0);
    now += 400;
    expect(cadence.take('a')).toBe(600);
    expect(cadence.take('b')).toBe(0); // keys are independent
    now += 600;
    expect(cadence.take('a')).toBe(0);
    expect(cadence.take('a')).toBe(1_000);
  });
});
