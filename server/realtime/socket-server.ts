import { Server } from 'socket.io';
import type { Cluster } from './cluster.js';
import { sameOriginOnly } from './origin.js';
import type { LecternServer } from './types.js';

/**
 * The socket.io server, made before the HTTP server exists so the peer bus (and the services that
 * publish on it) can be built first; `createRealtime` attaches it to the HTTP server later.
 */
export function createSocketServer(opts: { cluster: Cluster | null; publicUrl?: string | undefined }): LecternServer {
  const { cluster } = opts;
  const io: LecternServer = new Server({
    // Websocket only: no long-polling means no sticky sessions when several processes serve a talk.
    transports: ['websocket'],
    serveClient: false,
    maxHttpBufferSize: 16 * 1024,
    allowRequest: sameOriginOnly(opts.publicUrl),
    // The Postgres adapter cannot replay missed packets; there clients resync from `state` instead.
    ...(cluster?.kind === 'postgres' ? {} : { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true } }),
  });
  if (cluster) io.adapter(cluster.adapter as never);
  return io;
}

/** Closes the socket.io server (its adapter, then the HTTP server it is attached to, if any). */
export function closeSocketServer(io: LecternServer): Promise<void> {
  // Never attached (startup failed before the HTTP server listened): socket.io throws once the
  // adapter is closed, as it has no engine to close; that is all there was to do.
  return new Promise<void>((resolve) => void io.close(() => resolve()).catch(() => resolve()));
}
