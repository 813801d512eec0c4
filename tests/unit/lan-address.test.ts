import { describe, expect, test } from 'vitest';
import { joinHost, lanAddress } from '../../server/lan-address.js';

const eafnosupport = () => {
  // what libuv throws under systemd's RestrictAddressFamilies without AF_NETLINK
  throw Object.assign(new Error('A system error occurred: uv_interface_addresses returned Unknown system error 97'), { errno: 97 });
};

describe('the join URL host', () => {
  test('is the first external IPv4 address for a wildcard bind', () => {
    const list = () => ({
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true } as never],
      eth0: [{ address: 'fe80::1', family: 'IPv6', internal: false } as never, { address: '192.0.2.7', family: 'IPv4', internal: false } as never],
    });
    expect(lanAddress(list)).toBe('192.0.2.7');
    expect(joinHost('0.0.0.0', list)).toBe('192.0.2.7');
  });

  test('never throws when interfaces cannot be listed: the banner falls back to localhost', () => {
    expect(lanAddress(eafnosupport)).toBeUndefined();
    expect(joinHost('0.0.0.0', eafnosupport)).toBe('localhost');
    expect(joinHost('::', eafnosupport)).toBe('localhost');
  });

  test('is the configured host when it names one', () => {
    expect(joinHost('talks.lan', eafnosupport)).toBe('talks.lan');
  });
});
