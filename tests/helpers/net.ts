/** Ports for tests: everything listens on loopback on a port the kernel picks, never a fixed one. */
import type { Server } from 'node:net';
import { createServer } from 'node:net';

/** Asks the kernel for a free TCP port on loopback, for a process that must be told its port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** Starts `server` on a random loopback port; resolves with its `http://127.0.0.1:<port>` URL. */
export function listenOnRandomPort(server: Pick<Server, 'listen' | 'address' | 'once'>): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as { port: number }).port}`));
  });
}
