/**
 * The harness floor: a bare `ws` server that rebroadcasts each presenter frame to every other
 * socket, with no Engine.IO, no Socket.IO, no rooms. Whatever latency this shows is the cost of
 * the kernel, `ws` framing and the load processes themselves.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { serveProbe } from './probe.js';

const server = createServer((_req, res) => res.writeHead(404).end());
const wss = new WebSocketServer({ server, perMessageDeflate: false });

wss.on('connection', (socket, req) => {
  if (!req.url?.includes('presenter=1')) return;
  socket.on('message', (data, isBinary) => {
    for (const client of wss.clients) {
      if (client !== socket && client.readyState === WebSocket.OPEN) client.send(data, { binary: isBinary });
    }
  });
});

server.listen(0, '127.0.0.1', () => serveProbe((server.address() as AddressInfo).port));
