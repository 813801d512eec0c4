import type { Socket } from 'socket.io';

type Handshake = Socket['handshake'];

/** The client's IP: the socket's peer, or the first X-Forwarded-For hop when a trusted proxy sets it. */
export function clientAddress(handshake: Pick<Handshake, 'address' | 'headers'>, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = handshake.headers['x-forwarded-for'];
    const first = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(',')[0]?.trim();
    if (first) return first;
  }
  return handshake.address;
}
