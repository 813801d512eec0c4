import { describe, expect, it } from 'vitest';
import { clientAddress, lastForwardedHop } from '../../../server/auth/client-address.js';

describe('client addresses behind a proxy', () => {
  it('takes the hop our proxy appended, not what the client sent', () => {
    expect(lastForwardedHop('6.6.6.6, 203.0.113.7')).toBe('203.0.113.7');
    expect(lastForwardedHop(['1.1.1.1', '203.0.113.7'])).toBe('203.0.113.7');
    expect(lastForwardedHop(undefined)).toBeUndefined();
  });

  it('uses X-Forwarded-For only when TRUST_PROXY is on', () => {
    const handshake = { address: '10.0.0.2', headers: { 'x-forwarded-for': 'spoofed, 198.51.100.4' } };
    expect(clientAddress(handshake, false)).toBe('10.0.0.2');
    expect(clientAddress(handshake, true)).toBe('198.51.100.4');
    expect(clientAddress({ address: '10.0.0.2', headers: {} }, true)).toBe('10.0.0.2');
  });
});
