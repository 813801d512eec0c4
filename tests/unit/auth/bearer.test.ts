import { describe, expect, it } from 'vitest';
import { bearerToken, isBearer } from '../../../server/auth/bearer.js';

describe('Bearer parsing', () => {
  it('reads the token of a Bearer header, whatever the scheme case', () => {
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('bearer   abc ')).toBe('abc');
  });

  it('gives nothing for a missing header, another scheme, or more than one token', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Basic dXNlcjpwYXNz')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
  });

  it('tells a Bearer attempt from another scheme (a proxy’s Basic auth is not a key attempt)', () => {
    expect(isBearer('Bearer a b')).toBe(true);
    expect(isBearer('Basic dXNlcjpwYXNz')).toBe(false);
    expect(isBearer(undefined)).toBe(false);
  });
});
