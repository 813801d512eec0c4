import { networkInterfaces } from 'node:os';

/**
 * A LAN address phones in the room can reach, for the printed join URL. Never throws: a sandbox
 * may forbid listing interfaces (systemd's RestrictAddressFamilies without AF_NETLINK makes
 * `os.networkInterfaces()` fail with EAFNOSUPPORT), and a banner is no reason to stop serving.
 */
export function lanAddress(list: () => ReturnType<typeof networkInterfaces> = networkInterfaces): string | undefined {
  let interfaces: ReturnType<typeof networkInterfaces>;
  try {
    interfaces = list();
  } catch {
    return undefined;
  }
  for (const addrs of Object.values(interfaces)) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

/**
 * The host to print in join URLs: the configured one, or for a wildcard bind the LAN address,
 * falling back to `localhost` when none can be found (PUBLIC_URL, when set, is printed instead).
 */
export function joinHost(configuredHost: string, list?: () => ReturnType<typeof networkInterfaces>): string {
  if (configuredHost !== '0.0.0.0' && configuredHost !== '::') return configuredHost;
  return lanAddress(list) ?? 'localhost';
}
