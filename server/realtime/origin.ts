import type { IncomingMessage } from 'node:http';

/**
 * CORS closed by default: browsers send `Origin` on websocket upgrades but do not enforce CORS on
 * them, so the server does. Same host (or PUBLIC_URL's host) is allowed; so are non-browser
 * clients, which send no Origin at all.
 */
export function sameOriginOnly(publicUrl?: string) {
  const publicHost = publicUrl ? new URL(publicUrl).host : undefined;
  return (req: IncomingMessage, callback: (err: string | null | undefined, success: boolean) => void) => {
    const origin = req.headers.origin;
    if (!origin) return callback(null, true);
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      return callback('bad origin', false);
    }
    const ok = host === req.headers.host || host === publicHost;
    callback(ok ? null : 'cross-origin connections are not allowed', ok);
  };
}
