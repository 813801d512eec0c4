/**
 * Loopback source addresses for the load processes. A socket bound to a source address takes an
 * ephemeral port on it at bind time, so one address runs out after ~28k sockets (and ports in
 * TIME_WAIT stay taken for a minute): every benchmark step takes fresh addresses in 127.1.0.0/16,
 * at most PER_ADDRESS sockets on each. Linux routes all of 127.0.0.0/8 to the loopback device.
 */
export const PER_ADDRESS = 1_000;

let next = 0;

/** `count` fresh addresses, never handed out before in this process. */
export function takeAddresses(count: number): string[] {
  return Array.from({ length: count }, () => {
    const k = next++;
    if (k >= 250 * 250) throw new Error('out of loopback source addresses');
    return `127.1.${Math.floor(k / 250)}.${(k % 250) + 1}`;
  });
}
