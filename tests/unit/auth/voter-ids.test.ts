import { afterEach, describe, expect, it } from 'vitest';
import { cookieValue, newVoterId, signVoterId, verifyVoterCookie } from '../../../server/auth/voter-cookie.js';
import { addressKey, createVoterIds, type DeviceBurst } from '../../../server/auth/voter-ids.js';

const SECRET = 'unit-test-secret-unit-test-secret-0123';

describe('voter cookie', () => {
  it('verifies what it signed and nothing else', () => {
    const id = newVoterId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{24}$/);
    const value = signVoterId(SECRET, id);
    expect(verifyVoterCookie(SECRET, value)).toBe(id);
    expect(verifyVoterCookie('another-secret-another-secret-0123', value)).toBeNull();
    expect(verifyVoterCookie(SECRET, `${newVoterId()}.${value.split('.')[1]}`)).toBeNull();
    expect(verifyVoterCookie(SECRET, id)).toBeNull();
    expect(verifyVoterCookie(SECRET, `${value}x`)).toBeNull();
    expect(verifyVoterCookie(SECRET, undefined)).toBeNull();
  });

  it('finds its cookie among others', () => {
    expect(cookieValue('a=1; lectern_voter=abc.def; b=2', 'lectern_voter')).toBe('abc.def');
    expect(cookieValue('xlectern_voter=1', 'lectern_voter')).toBeUndefined();
    expect(cookieValue(undefined, 'lectern_voter')).toBeUndefined();
  });
});

describe('addressKey', () => {
  it('limits IPv6 by /64 and unwraps IPv4-mapped addresses', () => {
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'));
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'));
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});

describe('createVoterIds', () => {
  let ids: ReturnType<typeof createVoterIds> | undefined;
  afterEach(() => ids?.close());

  it('mints up to the burst, refills per second, and reports a burst once a minute per address', () => {
    let t = 0;
    ids = createVoterIds({ secret: SECRET, limits: { burst: 5, perSecond: 1, warnPerMinute: 3 }, now: () => t });
    const bursts: DeviceBurst[] = [];
    ids.onBurst((b) => bursts.push(b));
    const minted = Array.from({ length: 7 }, () => ids!.mint('talk', '10.0.0.1'));
    expect(minted.filter(Boolean)).toHaveLength(5);
    expect(bursts).toEqual([{ slug: 'talk', newIds: 4, seconds: 1, refused: 0 }]);
    // another address has its own budget
    expect(ids.mint('talk', '10.0.0.2')).not.toBeNull();
    t += 2_000;
    expect(ids.mint('talk', '10.0.0.1')).not.toBeNull();
    expect(ids.mint('talk', '10.0.0.1')).not.toBeNull();
    expect(ids.mint('talk', '10.0.0.1')).toBeNull();
    expect(bursts).toHaveLength(1);
    // a new minute: told again, once, as soon as the line is crossed
    t += 60_000;
    for (let i = 0; i < 70; i++) ids.mint('talk', '10.0.0.1');
    expect(bursts).toHaveLength(2);
    expect(bursts[1]).toMatchObject({ newIds: 4, refused: 0 });
    // a refusal alone (under the line) is reported too
    ids.close();
    ids = createVoterIds({ secret: SECRET, limits: { burst: 1, perSecond: 0.01, warnPerMinute: 100 }, now: () => t });
    const refusals: DeviceBurst[] = [];
    ids.onBurst((b) => refusals.push(b));
    ids.mint('talk', '10.0.0.9');
    expect(ids.mint('talk', '10.0.0.9')).toBeNull();
    expect(refusals).toEqual([{ slug: 'talk', newIds: 2, seconds: 1, refused: 1 }]);
  });

  it('reads the id back from a Cookie header, never a chosen one', () => {
    ids = createVoterIds({ secret: SECRET });
    const { id, cookie } = ids.mint('talk', '10.0.0.1')!;
    expect(ids.fromCookieHeader(`lectern_voter=${cookie}`)).toBe(id);
    expect(ids.fromCookieHeader(`lectern_voter=${newVoterId()}`)).toBeNull();
  });
});
