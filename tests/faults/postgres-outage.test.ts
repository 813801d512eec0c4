import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connect, nextEvent, type TestSocket } from '../helpers/sockets.js';
import { startTempPostgres, type TempPostgres } from '../helpers/temp-postgres.js';
import { fixtureDeck } from '../helpers/decks.js';
import { newVoterId } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');

describe('Postgres stopped and started during a talk', () => {
  let db: TempPostgres;
  let server: TestServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    db = await startTempPostgres();
    server = await startTestServer({ driver: 'postgres', decks: [POLL_DECK], database: { url: db.url } });
  }, 120_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await server?.close({ keepDatabase: true });
    db?.destroy();
  });

  const ready = async () => (await fetch(`${server.url}/readyz`)).status;

  it('keeps slides in sync, refuses answers honestly, and recovers without a restart', async () => {
    const presenter = await connect(server.url, { talk: 'polls', key: server.key });
    const phones = await Promise.all([1, 2, 3].map(() => connect(server.url, { talk: 'polls', voter: newVoterId() })));
    sockets.push(presenter.socket, ...phones.map((p) => p.socket));
    await presenter.socket.emitWithAck('slide:goto', { index: 1 }); // opens homelab-breaks
    expect((await phones[0]!.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' })).ok).toBe(true);
    expect(await ready()).toBe(200);

    db.stop();
    await expect.poll(ready, { timeout: 10_000 }).toBe(503);

    // Slide sync goes on while the database is down.
    const moved = phones.map((p) => nextEvent(p.socket, 'slide:changed'));
    expect(await presenter.socket.emitWithAck('slide:goto', { index: 2 })).toMatchObject({ ok: true, data: { index: 2 } });
    expect((await Promise.all(moved)).map((e) => e.index)).toEqual([2, 2, 2]);

    // An answer during the outage gets a clear "unavailable", never a false ack.
    const during = await phones[1]!.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'Disks' });
    expect(during).toMatchObject({ ok: false, error: { code: 'unavailable' } });

    db.start();
    await expect.poll(ready, { timeout: 20_000 }).toBe(200);
    // Lectern reconnects by itself: answers are stored again.
    await expect
      .poll(async () => (await phones[2]!.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'Updates' })).ok, { timeout: 15_000, interval: 500 })
      .toBe(true);

    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `select v.answer from votes v join polls p on p.id = v.poll_id where p.poll_key = 'homelab-breaks' order by v.id`,
      );
      // The acknowledged answers are stored; the refused one is not.
      expect(rows.map((r) => r.answer)).toEqual(['DNS', 'Updates']);
      // The slide changed during the outage was saved once the database came back.
      await expect.poll(async () => (await client.query('select current_slide from runs where ended_at is null')).rows[0]?.current_slide, { timeout: 5_000 }).toBe(2);
    } finally {
      await client.end();
    }
  }, 120_000);
});
