/** Runs our re-creation of the reveal.js multiplex relay (socket.io 2.5) under the benchmark probe. */
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveProbe } from './probe.js';

const require = createRequire(import.meta.url);
const { createMultiplexServer } = require('./reveal-multiplex.cjs') as { createMultiplexServer: () => Server };

const server = createMultiplexServer();
server.listen(0, '127.0.0.1', () => serveProbe((server.address() as AddressInfo).port));
