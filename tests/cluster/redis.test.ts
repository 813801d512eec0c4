import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contract/events.js';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { spawnServer, type ProcessServer } from '../helpers/process-server.js';
import { connect, nextEvent, type TestSocket } from '../helpers/sockets.js';
import type { Socket } from 'socket.io-client';
import { fixtureDeck } from '../helpers/decks.js';
import { asVoter, newVoterId } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');
const KEY = 'redis-test-key';
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('two processes on the Redis streams adapter', () => {
  let database: TestDatabase;
  let a: ProcessServer;
  let b: ProcessServer;
  const sockets: { close(): void }[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    // A stream of its own, so parallel test runs on one Redis never see each other's packets.
    const env = { DATABASE_URL: database.url!, REDIS_URL, PRESENTER_KEY: KEY, REDIS_PREFIX: `lectern-test-${randomBytes(4).toString('hex')}` };
    a = await spawnServer([POLL_DECK], env);
    b = await spawnServer([POLL_DECK], env);
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all([a, b].map((p) => p?.kill()));
    await database?.dispose();
  });

  it('syncs slides across processes and counts the audience on both', async () => {
    const presenter = await connect(a.url, { talk: 'polls', key: KEY });
    sockets.push(presenter.socket);
    const counted = new Promise<number>((resolve) => presenter.socket.on('audience', (e) => e.count >= 3 && resolve(e.count)));
    const phones = await Promise.all([1, 2, 3].map(() => connect(b.url, { talk: 'polls', voter: newVoterId() })));
    sockets.push(...phones.map((p) => p.socket as TestSocket));
    expect(await counted).toBe(3);
    for (const index of [2, 3, 1]) {
      const moved = phones.map((p) => nextEvent(p.socket, 'slide:changed'));
      await presenter.socket.emitWithAck('slide:goto', { index });
      expect((await Promise.all(moved)).map((e) => e.index)).toEqual([index, index, index]);
    }
  });

  it('recovers a briefly disconnected phone with the packets it missed (connection state recovery)', async () => {
    const presenter = await connect(a.url, { talk: 'polls', key: KEY });
    sockets.push(presenter.socket);
    await presenter.socket.emitWithAck('slide:goto', { index: 0 });
    const phone: Socket<ServerToClientEvents, ClientToServerEvents> = io(b.url, {
      ...asVoter(newVoterId()),
      auth: { talk: 'polls' },
      transports: ['websocket'],
      forceNew: true,
      reconnectionDelay: 200,
      reconnectionDelayMax: 200,
    });
    sockets.push(phone);
    await new Promise((r) => phone.once('state', r));
    const seen: number[] = [];
    phone.on('slide:changed', (e) => seen.push(e.index));
    phone.io.engine.close(); // the Wi-Fi drops
    await presenter.socket.emitWithAck('slide:goto', { index: 2 }); // sent while the phone is away
    await new Promise<void>((r) => phone.once('connect', () => r()));
    expect(phone.recovered).toBe(true);
    await expect.poll(() => seen, { timeout: 3_000 }).toContain(2);
  });
});
