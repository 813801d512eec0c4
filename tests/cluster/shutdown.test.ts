import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { spawnServer, type ProcessServer } from '../helpers/process-server.js';
import { connect, type TestSocket } from '../helpers/sockets.js';
import { fixtureDeck } from '../helpers/decks.js';
import { newVoterId } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');
const KEY = 'shutdown-test-key';

describe('graceful shutdown on SIGTERM', () => {
  let database: TestDatabase;
  let server: ProcessServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    server = await spawnServer([POLL_DECK], { DATABASE_URL: database.url!, PRESENTER_KEY: KEY });
  }, 60_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server?.kill();
    await database?.dispose();
  });

  it('finishes answers in flight, tells clients to reconnect, and exits within 10 s', async () => {
    const presenter = await connect(server.url, { talk: 'polls', key: KEY });
    sockets.push(presenter.socket);
    await presenter.socket.emitWithAck('slide:goto', { index: 1 });
    const phones = await Promise.all(Array.from({ length: 40 }, () => connect(server.url, { talk: 'polls', voter: newVoterId() })));
    sockets.push(...phones.map((p) => p.socket));
    const reasons = phones.map((p) => new Promise<string>((resolve) => p.socket.once('disconnect', resolve)));

    const acked: string[] = [];
    const burst = phones.map((p, i) =>
      p.socket
        .timeout(5_000)
        .emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: i % 2 ? 'DNS' : 'Disks' })
        .then((r) => void (r.ok && acked.push((p.socket.auth as { voter: string }).voter)))
        .catch(() => undefined),
    );
    const started = Date.now();
    server.child.kill('SIGTERM');
    await Promise.all(burst);
    expect(await server.exited).toBe(0);
    expect(acked.length).toBeGreaterThan(0);
    expect(Date.now() - started).toBeLessThan(10_000);

    // "transport close", not "io server disconnect": socket.io-client reconnects by itself.
    expect(new Set(await Promise.all(reasons))).toEqual(new Set(['transport close']));

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ voter_id: string }>('select voter_id from votes');
      const stored = new Set(rows.map((r) => r.voter_id));
      for (const v of acked) expect(stored.has(v), `acknowledged answer of ${v} lost`).toBe(true);
    } finally {
      await client.end();
    }
  }, 60_000);
});
