import { describe, expect, it } from 'vitest';
import { createKeyBook } from '../../../server/auth/keys.js';
import { createKeyLockout } from '../../../server/auth/lockout.js';

/** A clock the test moves by hand. */
function manualClock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('key lockout', () => {
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

  it('forgives one failure per quiet minute: a wrong key every five minutes never locks anyone', () => {
    const clock = manualClock();
    const lockout = createKeyLockout({ now: clock.now });
    for (let i = 0; i < 100; i++) {
      lockout.failed('10.0.0.1');
      expect(lockout.lockedFor('10.0.0.1')).toBe(0);
      clock.advance(5 * 60_000);
    }
    expect(lockout.failures('10.0.0.1')).toBe(0);
  });

  it('a burst of guesses is forgotten after a quiet spell', () => {
    const clock = manualClock();
    const lockout = createKeyLockout({ now: clock.now });
    for (let i = 0; i < 8; i++) lockout.failed('10.0.0.1');
    expect(lockout.lockedFor('10.0.0.1')).toBe(4_000);
    clock.advance(10 * 60_000);
    expect(lockout.failures('10.0.0.1')).toBe(0);
    lockout.failed('10.0.0.1');
    expect(lockout.lockedFor('10.0.0.1')).toBe(0);
  });
});

describe('the key book', () => {
  it('matches the admin key, the talk presenter key and the moderator key, and nothing else', () => {
    const book = createKeyBook({ admin: 'the-admin-key', talks: { a: { presenter: 'a-presenter-key', moderator: 'a-moderator-key' } } });
    expect(book.match('a', 'the-admin-key')).toEqual({ role: 'presenter', scope: { kind: 'admin' } });
    expect(book.match('b', 'the-admin-key')).toEqual({ role: 'presenter', scope: { kind: 'admin' } });
    expect(book.match('a', 'a-presenter-key')).toEqual({ role: 'presenter', scope: { kind: 'talk', talk: 'a' } });
    expect(book.match('a', 'a-moderator-key')).toEqual({ role: 'moderator', scope: { kind: 'talk', talk: 'a' } });
    expect(book.match('b', 'a-presenter-key')).toBeNull();
    expect(book.match('a', 'wrong')).toBeNull();
  });

  it('derives unset talk keys from the admin key (the same in every process), else makes random ones', () => {
    const made: string[] = [];
    const one = createKeyBook({ admin: 'the-admin-key', onGenerated: (slug, role, _k, how) => made.push(`${slug} ${role} ${how}`) });
    const two = createKeyBook({ admin: 'the-admin-key' });
    expect(one.keysFor('talk')).toEqual(two.keysFor('talk'));
    expect(one.keysFor('talk').presenter).not.toBe(one.keysFor('talk').moderator);
    expect(one.keysFor('talk').presenter).not.toBe(one.keysFor('other').presenter);
    expect(made).toEqual(['talk presenter derived', 'talk moderator derived', 'other presenter derived', 'other moderator derived']);
    const random = createKeyBook({});
    expect(random.keysFor('talk').presenter).toMatch(/^[\w-]{24}$/);
    expect(random.keysFor('talk').presenter).not.toBe(createKeyBook({}).keysFor('talk').presenter);
  });

  it('makes no keys for a slug nobody serves: only the admin key opens it', () => {
    const book = createKeyBook({ admin: 'the-admin-key', isTalk: (slug) => slug === 'a' });
    expect(book.match('zzz', book.keysFor('a').presenter)).toBeNull();
    expect(book.match('zzz', 'the-admin-key')?.role).toBe('presenter');
  });
});
