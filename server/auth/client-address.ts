/**
 * The client's IP, for lockouts and rate limits, the same for HTTP requests and socket handshakes:
 * the TCP peer, or, behind a trusted proxy, the hop that proxy added.
 */

/**
 * The address our trusted proxy saw: the last X-Forwarded-For hop. Earlier hops are whatever the
 * client chose to send (nginx's $proxy_add_x_forwarded_for and Caddy append, they do not replace).
 */
export function lastForwardedHop(header: string | string[] | undefined): string | undefined {
  const value = Array.isArray(header) ? header.join(',') : header;
  const hops = value?.split(',').map((h) => h.trim()).filter(Boolean);
  return hops?.at(-1);
}

/** What a connection tells about its client: the TCP peer and the headers it sent. */
export interface ConnectionInfo {
  address: string;
  headers: Record<string, string | string[] | undefined>;
}

/** The client's IP: the connection's peer, or, behind a trusted proxy, the hop that proxy added. */
export function clientAddress(connection: ConnectionInfo, trustProxy = false): string {
  return (trustProxy && lastForwardedHop(connection.headers['x-forwarded-for'])) || connection.address;
}
