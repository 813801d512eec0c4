/**
 * The end of a talk across two processes sharing Postgres: the presenter ends it on A; phones on B
 * hear `run:ended`, B serves the handout to them and refuses moves until a new run.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { fixtureDeck } from '../helpers/decks.js';
import { spawnServer, type ProcessServer } from '../helpers/process-server.js';
import { connect, nextEvent, type TestSocket } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';

const KEY = 'cluster-run-end-key';

describe('ending a run with two processes', () => {
  let database: TestDatabase;
  let a: ProcessServer;
  let b: ProcessServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    const env = { DATABASE_URL: database.url!, PRESENTER_KEY: KEY };
    a = await spawnServer([fixtureDeck('basic')], env);
    b = await spawnServer([fixtureDeck('basic')], env);
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all([a, b].map((p) => p?.kill()));
    await database?.dispose();
  });

  it('tells the phones on B, opens the handout there, and B refuses moves until a new run', async () => {
    const presenter = await connect(a.url, { talk: 'basic', key: KEY });
    sockets.push(presenter.socket);
    await presenter.socket.emitWithAck('slide:goto', { index: 2 });
    const phone = await connect(b.url, { talk: 'basic', voter: newVoterId() });
    sockets.push(phone.socket);
    expect((await fetch(`${b.url}/api/talks/basic/handout`)).status).toBe(403);

    const heard = nextEvent(phone.socket, 'run:ended');
    const ended = await presenter.socket.emitWithAck('run:end');
    if (!ended.ok) throw new Error(ended.error.message);
    expect((await heard).run).toEqual(ended.data.run);

    await expect.poll(async () => (await fetch(`${b.url}/api/talks/basic/handout`)).status, { timeout: 5_000 }).toBe(200);
    const handout = (await (await fetch(`${b.url}/api/talks/basic/handout`)).json()) as { slides: { index: number }[]; run: { endedAt: number } };
    expect(handout.run.endedAt).toBe(ended.data.run.endedAt);
    expect(handout.slides.map((s) => s.index)).toEqual([0, 2]);

    const onB = await connect(b.url, { talk: 'basic', key: KEY });
    sockets.push(onB.socket);
    expect(onB.state.run.endedAt).toBe(ended.data.run.endedAt);
    expect(await onB.socket.emitWithAck('slide:next')).toMatchObject({ ok: false, error: { code: 'run_ended' } });
  });
});
