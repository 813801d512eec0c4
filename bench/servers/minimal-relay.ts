/**
 * The floor of our own stack: socket.io 4 with the transport options Lectern uses (websocket only,
 * no permessage-deflate), relaying `slide:goto` to a room as `slide:changed`. No auth, no
 * validation, no database: the difference to Lectern is what those cost.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serveProbe } from './probe.js';

const ROOM = 'talk';
const server = createServer();
// BENCH_RELAY_TRIM=request,recovery,…: per-connection trims measured on the floor (docs/BENCHMARKS.md).
const trims = new Set((process.env.BENCH_RELAY_TRIM ?? '').split(',').filter(Boolean));
const io = new Server(server, {
  transports: ['websocket'],
  serveClient: false,
  ...(trims.has('recovery') ? { connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true } } : {}),
  ...(trims.has('small-buffer') ? { maxHttpBufferSize: 16 * 1024 } : {}),
});

io.on('connection', (socket) => {
  if (trims.has('request')) {
    // What socket.io's memory-usage page suggests: let the upgrade request (and its headers) go.
    (socket.conn as unknown as { request: unknown }).request = null;
    socket.handshake.headers = {};
  }
  void socket.join(ROOM);
  socket.on('slide:goto', (payload: { index: number }, ack?: (res: unknown) => void) => {
    const change = { index: payload.index, at: Date.now() };
    socket.to(ROOM).emit('slide:changed', change);
    ack?.({ ok: true, data: change });
  });
});

server.listen(0, '127.0.0.1', () => serveProbe((server.address() as AddressInfo).port));
