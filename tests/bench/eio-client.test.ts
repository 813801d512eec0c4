/**
 * The benchmark's minimal Engine.IO client must speak both protocols it is used for, or the
 * fan-out numbers measure nothing: socket.io 4 (Engine.IO v4, auth in CONNECT, acks) and the
 * reveal.js multiplex re-creation on socket.io 2.5 (Engine.IO v3, secret-checked relay).
 */
import { createServer, type Server as HttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { Server } from 'socket.io';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, type MiniSocket } from '../../bench/lib/eio-client.js';
import { summarize } from '../../bench/lib/stats.js';
import { listenOnRandomPort } from '../helpers/net.js';

const require = createRequire(import.meta.url);
const { createMultiplexServer, createHash } = require('../../bench/servers/reveal-multiplex.cjs') as {
  createMultiplexServer: () => HttpServer;
  createHash: (secret: string) => string;
};

const nextEvent = (socket: MiniSocket, name: string) =>
  new Promise<unknown>((resolve) => {
    socket.onEvent = (n, arg) => n === name && resolve(arg);
  });

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanup.map((f) => f()));
  cleanup = [];
});

describe('minimal Engine.IO client', () => {
  it('joins a socket.io 4 server with auth, receives room broadcasts and gets acks', async () => {
    const http = createServer();
    const io = new Server(http, { transports: ['websocket'] });
    io.on('connection', (socket) => {
      void socket.join('talk');
      socket.on('slide:goto', (payload: { index: number }, ack: (r: unknown) => void) => {
        socket.to('talk').emit('slide:changed', { index: payload.index, auth: socket.handshake.auth });
        ack({ ok: true });
      });
    });
    const url = await listenOnRandomPort(http);
    cleanup.push(() => new Promise((r) => io.close(() => r())));

    const audience = await connect({ url, protocol: 'eio4', auth: { talk: 'demo', voter: 'v1' } });
    const presenter = await connect({ url, protocol: 'eio4', auth: { talk: 'demo', key: 'k' } });
    cleanup.push(async () => (audience.close(), presenter.close()));
    const received = nextEvent(audience, 'slide:changed');
    expect(await presenter.emitWithAck('slide:goto', { index: 3 })).toEqual({ ok: true });
    expect(await received).toEqual({ index: 3, auth: { talk: 'demo', key: 'k' } });
  });

  it('reports a refused handshake as an error', async () => {
    const http = createServer();
    const io = new Server(http, { transports: ['websocket'] });
    io.use((_socket, next) => next(new Error('no such talk')));
    const url = await listenOnRandomPort(http);
    cleanup.push(() => new Promise((r) => io.close(() => r())));
    await expect(connect({ url, protocol: 'eio4', auth: { talk: 'nope' } })).rejects.toThrow(/no such talk/);
  });

  it('follows the reveal.js multiplex relay (socket.io 2.5), which only relays a matching secret', async () => {
    const http = createMultiplexServer();
    const url = await listenOnRandomPort(http);
    cleanup.push(() => new Promise((r) => http.close(() => r())));
    const { secret, socketId } = (await (await fetch(`${url}/token`)).json()) as { secret: string; socketId: string };
    expect(createHash(secret)).toBe(socketId);

    const client = await connect({ url, protocol: 'eio3' });
    const master = await connect({ url, protocol: 'eio3' });
    cleanup.push(async () => (client.close(), master.close()));
    const received = nextEvent(client, socketId);
    master.emit('multiplex-statechanged', { state: { indexh: 1 }, secret: 'wrong', socketId });
    master.emit('multiplex-statechanged', { state: { indexh: 2 }, secret, socketId });
    expect(await received).toEqual({ state: { indexh: 2 }, secret: null, socketId });
  });
});

describe('summarize', () => {
  it('gives nearest-rank percentiles', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarize(values)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100 });
  });
});
