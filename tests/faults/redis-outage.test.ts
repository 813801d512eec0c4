import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { spawnServer, type ProcessServer } from '../helpers/process-server.js';
import { connect, nextEvent, type TestSocket } from '../helpers/sockets.js';
import { startRedis } from '../helpers/redis.js';
import { freePort } from '../helpers/net.js';
import { fixtureDeck } from '../helpers/decks.js';
import { newVoterId } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');
const KEY = 'redis-outage-key';

describe('Redis hung and killed during a talk (REDIS_URL scale-out, two processes)', () => {
  let database: TestDatabase;
  let redisPort: number;
  let redis: ChildProcess;
  let a: ProcessServer;
  let b: ProcessServer;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    redisPort = await freePort();
    redis = await startRedis(redisPort);
    const env = { DATABASE_URL: database.url!, REDIS_URL: `redis://127.0.0.1:${redisPort}`, PRESENTER_KEY: KEY };
    [a, b] = await Promise.all([spawnServer([POLL_DECK], env), spawnServer([POLL_DECK], env)]);
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all([a, b].map((p) => p?.kill()));
    redis?.kill('SIGKILL');
    await database?.dispose();
  });

  it('keeps the room on the speaker’s slide while Redis hangs or is gone, catches up after, and shuts down without it', async () => {
    const presenter = (await connect(a.url, { talk: 'polls', key: KEY })).socket;
    const onA = (await connect(a.url, { talk: 'polls', voter: newVoterId() })).socket;
    const onB = (await connect(b.url, { talk: 'polls', voter: newVoterId() })).socket;
    sockets.push(presenter, onA, onB);
    let slideOnB = -1;
    onB.on('slide:changed', (e) => (slideOnB = e.index));
    onB.on('state', (e) => (slideOnB = e.slide));
    const move = async (index: number) => {
      const local = nextEvent(onA, 'slide:changed');
      expect(await presenter.emitWithAck('slide:goto', { index })).toMatchObject({ ok: true, data: { index } });
      // A phone on the presenter's own process follows at once, whatever Redis is doing.
      expect((await local).index).toBe(index);
    };
    const bFollows = (index: number) => expect.poll(() => slideOnB, { timeout: 15_000, interval: 100 }).toBe(index);

    await move(1);
    await bFollows(1);

    // A hung Redis (a stalled network): its client waits on the publish and never hears back.
    redis.kill('SIGSTOP');
    await move(2);
    // Answers go to Postgres, not Redis: still stored and acknowledged on either process.
    expect((await onB.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' })).ok).toBe(true);
    redis.kill('SIGCONT');
    await bFollows(2);

    // Redis gone altogether: its clients reconnect in the background, the presenter's room goes on.
    redis.kill('SIGKILL');
    await move(3);
    await move(1);
    redis = await startRedis(redisPort);
    // Back with an empty Redis: the other process catches up (from the database at the latest)…
    await bFollows(1);
    // …and later moves reach it through Redis again.
    await move(2);
    await bFollows(2);

    // Stopping a server must not wait forever for a Redis that is not coming back.
    redis.kill('SIGKILL');
    a.child.kill('SIGTERM');
    const code = await Promise.race([a.exited, new Promise((r) => setTimeout(() => r('still running after 20 s'), 20_000))]);
    expect(code, a.output().slice(-3000)).toBe(0);
  }, 120_000);
});
