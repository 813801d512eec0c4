import { describe, expect, it } from 'vitest';
import { createKeyLockout } from '../../../server/auth/lockout.js';
import { checkPresenterCredential, presenterSession } from '../../../server/auth/presenter-key.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('presenter key lockout', () => {
  it('lets the first wrong keys through, then locks the address out for 1 s, 2 s, 4 s …', () => {
    const clock = manualClock();
    const lockout = createKeyLockout({ free: 3, now: clock.now });
    for (let i = 0; i < 3; i++) lockout.failed('10.0.0.1');
    expect(lockout.lockedFor('10.0.0.1')).toBe(0);
    lockout.failed('10.0.0.1');
    expect(lockout.lockedFor('10.0.0.1')).toBe(1_000);
    clock.advance(600);
    expect(lockout.lockedFor('10.0.0.1')).toBe(400);
    clock.advance(400);
    expect(lockout.lockedFor('10.0.0.1')).toBe(0);
    lockout.failed('10.0.0.1');
    expect(lockout.lockedFor('10.0.0.1')).toBe(2_000);
    clock.advance(2_000);
    lockout.failed('10.0.0.1');
    expect(lockout.lockedFor('10.0.0.1')).toBe(4_000);
  });

  it('never locks out for longer than the maximum', () => {
    const clock = manualClock();
    const lockout = createKeyLockout({ free: 0, baseMs: 1_000, maxMs: 5_000, now: clock.now });
    for (let i = 0; i < 20; i++) lockout.failed('10.0.0.1');
    expect(lockout.lockedFor('10.0.0.1')).toBe(5_000);
  });

  it('counts per address: one address guessing does not lock out another', () => {
    const lockout = createKeyLockout({ free: 0, now: manualClock().now });
    lockout.failed('10.0.0.1');
    expect(lockout.lockedFor('10.0.0.1')).toBeGreaterThan(0);
    expect(lockout.lockedFor('10.0.0.2')).toBe(0);
  });

  it('forgets an address once it gives the right key', () => {
    const clock = manualClock();
    const lockout = createKeyLockout({ free: 1, now: clock.now });
    lockout.failed('10.0.0.1');
    lockout.failed('10.0.0.1');
    clock.advance(1_000);
    lockout.succeeded('10.0.0.1');
    lockout.failed('10.0.0.1');
    expect(lockout.lockedFor('10.0.0.1')).toBe(0);
  });
});

describe('checking a presenter credential', () => {
  const presenterKey = 'the-right-presenter-key';

  it('refuses wrong keys, then refuses even the right key while the address is locked out', () => {
    const clock = manualClock();
    const lockout = createKeyLockout({ free: 1, now: clock.now });
    const check = (key: string) => () => checkPresenterCredential(key, { presenterKey, lockout }, '10.0.0.1');
    expect(check('wrong')).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    expect(check('wrong')).toThrow(expect.objectContaining({ code: 'unauthorized' }));
    expect(check(presenterKey)).toThrow(expect.objectContaining({ code: 'rate_limited', message: expect.stringContaining('try again in 1 s') }));
    clock.advance(1_000);
    expect(check(presenterKey)).not.toThrow();
    expect(lockout.lockedFor('10.0.0.1')).toBe(0);
  });

  it('accepts the presenter session from a locked-out address', () => {
    const clock = manualClock();
    const lockout = createKeyLockout({ free: 0, now: clock.now });
    lockout.failed('10.0.0.1');
    expect(() => checkPresenterCredential(presenterSession(presenterKey), { presenterKey, lockout }, '10.0.0.1')).not.toThrow();
  });
});
