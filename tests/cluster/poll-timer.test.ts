/**
 * Poll countdowns with two processes sharing one Postgres: both hold the timer, one closes the poll
 * (a conditional UPDATE), and every client on either process hears the close exactly once; when the
 * process that opened the poll dies, the other still closes it on time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { tempDir } from '../helpers/decks.js';
import { spawnServer, type ProcessServer } from '../helpers/process-server.js';
import { connect, nextEventWhere, type TestSocket } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';

const KEY = 'cluster-timer-key';
const DECK = `---
title: Timed cluster
slug: timed-cluster
---

# Welcome

---

\`\`\`poll
id: quick
question: Quick?
options: [Yes, No]
timer: 5s
\`\`\`
`;

describe('poll countdowns across two processes', () => {
  let database: TestDatabase;
  let a: ProcessServer;
  let b: ProcessServer;
  const sockets: TestSocket[] = [];
  const track = <T extends { socket: TestSocket }>(c: T) => (sockets.push(c.socket), c);

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    const dir = await tempDir({ 'timed-cluster.md': DECK });
    const env = { DATABASE_URL: database.url!, PRESENTER_KEY: KEY };
    [a, b] = await Promise.all([spawnServer([`${dir}/timed-cluster.md`], env), spawnServer([`${dir}/timed-cluster.md`], env)]);
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all([a, b].map((p) => p?.kill()));
    await database?.dispose();
  });

  /** Phones on each process, connected before the poll opens (their processes load nothing more for them). */
  const phonesOn = (...servers: ProcessServer[]) =>
    Promise.all(servers.map(async (server) => track(await connect(server.url, { talk: 'timed-cluster', voter: newVoterId() }))));
  /** Opens the timed poll from a presenter on A; resolves with the deadline each phone was told. */
  const openTimedPoll = async (presenter: { socket: TestSocket }, phones: { socket: TestSocket }[]) => {
    const opened = phones.map((p) => nextEventWhere(p.socket, 'poll:active', (e) => e.poll?.id === 'quick' && e.poll.status === 'open'));
    expect(await presenter.socket.emitWithAck('slide:goto', { index: 1 })).toMatchObject({ ok: true });
    const deadlines = (await Promise.all(opened)).map((e) => e.poll!.closesAt);
    expect(deadlines[0]).toEqual(expect.any(Number));
    expect(new Set(deadlines).size).toBe(1);
    return deadlines[0]!;
  };

  it('closes once, and every client on both processes hears it once', async () => {
    const presenter = track(await connect(a.url, { talk: 'timed-cluster', key: KEY }));
    expect(await presenter.socket.emitWithAck('run:start')).toMatchObject({ ok: true });
    const [onA, onB] = await phonesOn(a, b);
    const closesAt = await openTimedPoll(presenter, [onA!, onB!]);

    const closes = new Map<TestSocket, number>();
    for (const s of [presenter.socket, onA!.socket, onB!.socket]) {
      closes.set(s, 0);
      s.on('poll:active', (e) => e.poll?.id === 'quick' && e.poll.status === 'closed' && closes.set(s, closes.get(s)! + 1));
    }
    await Promise.all([onA!, onB!].map((p) => nextEventWhere(p.socket, 'poll:active', (e) => e.poll?.status === 'closed', 15_000)));
    expect(Date.now()).toBeGreaterThanOrEqual(closesAt);
    // both processes held a timer; give a second close (if any) every chance to arrive
    await new Promise((r) => setTimeout(r, 1_500));
    expect([...closes.values()]).toEqual([1, 1, 1]);
    for (const phone of [onA!, onB!]) {
      expect(await phone.socket.emitWithAck('vote:cast', { poll: 'quick', answer: 'Yes' })).toMatchObject({ ok: false, error: { code: 'time_up' } });
    }
  });

  it('still closes the poll when the process that opened it dies mid-countdown', async () => {
    const presenter = track(await connect(a.url, { talk: 'timed-cluster', key: KEY }));
    expect(await presenter.socket.emitWithAck('run:start')).toMatchObject({ ok: true });
    const [onB] = await phonesOn(b);
    const closesAt = await openTimedPoll(presenter, [onB!]);
    await a.kill();
    const closed = await nextEventWhere(onB!.socket, 'poll:active', (e) => e.poll?.id === 'quick' && e.poll.status === 'closed', 15_000);
    expect(closed.poll!.closesAt ?? null).toBeNull();
    expect(Date.now()).toBeGreaterThanOrEqual(closesAt);
    const late = track(await connect(b.url, { talk: 'timed-cluster', voter: newVoterId() }));
    expect(late.state.active.poll).toMatchObject({ id: 'quick', status: 'closed' });
  });
});
