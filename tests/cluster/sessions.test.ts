/** Presenter sessions across processes: one made on A works on B, and signing it out on A disconnects it on B. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { spawnServer, type ProcessServer } from '../helpers/process-server.js';
import { connect, connectError, nextEvent, type TestSocket } from '../helpers/sockets.js';
import { fixtureDeck } from '../helpers/decks.js';

const KEY = 'cluster-sessions-key';

describe('sessions shared by two processes on one Postgres', () => {
  let database: TestDatabase;
  let a: ProcessServer;
  let b: ProcessServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    const env = { DATABASE_URL: database.url!, PRESENTER_KEY: KEY };
    [a, b] = await Promise.all([spawnServer([fixtureDeck('polls')], env), spawnServer([fixtureDeck('polls')], env)]);
  }, 120_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all([a, b].map((p) => p?.kill()));
    await database?.dispose();
  });

  it('takes on B a session made on A, and disconnects it on B when A signs it out', async () => {
    const speaker = await connect(a.url, { talk: 'polls', key: KEY });
    sockets.push(speaker.socket);
    const laptopOnA = await connect(a.url, { talk: 'polls', key: KEY });
    laptopOnA.socket.close();
    // the laptop reconnects to B (behind a load balancer) with the session A gave it
    const laptop = await connect(b.url, { talk: 'polls', key: laptopOnA.state.session! });
    sockets.push(laptop.socket);
    expect(laptop.state).toMatchObject({ role: 'presenter', session: laptopOnA.state.session });

    const ended = nextEvent(laptop.socket, 'session:ended', 10_000);
    const gone = new Promise((resolve) => laptop.socket.once('disconnect', resolve));
    expect(await speaker.socket.emitWithAck('sessions:revoke', { all: true })).toMatchObject({ ok: true });
    expect((await ended).message).toMatch(/signed out/);
    expect(await gone).toBe('io server disconnect');
    expect((await connectError(b.url, { talk: 'polls', key: laptopOnA.state.session! })).data?.code).toBe('unauthorized');
    // the speaker's own session still works on B
    expect((await fetch(`${b.url}/api/talks/polls/next`, { method: 'POST', headers: { Authorization: `Bearer ${speaker.state.session}` } })).status).toBe(200);
  }, 60_000);
});
