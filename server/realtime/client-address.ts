import type { Socket } from 'socket.io';

type Handshake = Socket['handshake'];

/**
 * The address our trusted proxy saw: the last X-Forwarded-For hop. Earlier hops are whatever the
 * client chose to send (nginx's $proxy_add_x_forwarded_for and Caddy append, they do not replace).
 */
export function lastForwardedHop(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const hops = value?.split(',').map((h) => h.trim()).filter(Boolean);
  return hops?.at(-1);
}

/** The client's IP: the socket's peer, or, behind a trusted proxy, the hop that proxy added. */
export function clientAddress(handshake: Pick<Handshake, 'address' | 'headers'>, trustProxy = false): string {
  return (trustProxy && lastForwardedHop(handshake.headers['x-forwarded-for'])) || handshake.address;
}
