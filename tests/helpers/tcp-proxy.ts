/**
 * A tiny load balancer for tests: each new TCP connection goes to the first backend that accepts it,
 * so when one Lectern process dies its clients reconnect to the next one.
 */
import { createConnection, createServer, type Socket } from 'node:net';
import { listenOnRandomPort } from './net.js';

export async function startTcpProxy(backends: number[]): Promise<{ url: string; close(): Promise<void> }> {
  const open = new Set<Socket>();
  const server = createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    const tryBackend = (i: number) => {
      if (i >= backends.length) return client.destroy();
      const upstream = createConnection({ port: backends[i]!, host: '127.0.0.1' });
      let connected = false;
      upstream.once('connect', () => {
        connected = true;
        open.add(upstream);
        upstream.on('close', () => (open.delete(upstream), client.destroy()));
        client.on('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
      });
      upstream.once('error', () => {
        if (connected) client.destroy();
        else tryBackend(i + 1);
      });
    };
    client.on('error', () => client.destroy());
    tryBackend(0);
  });
  const url = await listenOnRandomPort(server);
  return {
    url,
    close: () => new Promise<void>((resolve) => (open.forEach((s) => s.destroy()), server.close(() => resolve()))),
  };
}
