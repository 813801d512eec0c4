import pg from 'pg';
import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientToServerEvents, ServerToClientEvents, TalkState } from '../../contract/events.js';
import { openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { spawnServer, type ProcessServer } from '../helpers/process-server.js';
import { connect, nextEvent, nextEventWhere, type TestSocket } from '../helpers/sockets.js';
import { startTcpProxy } from '../helpers/tcp-proxy.js';
import { fixtureDeck } from '../helpers/decks.js';
import { asVoter, newVoterId } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');
const KEY = 'cluster-test-key';

describe('two processes sharing one Postgres', () => {
  let database: TestDatabase;
  let a: ProcessServer;
  let b: ProcessServer;
  const sockets: { close(): void }[] = [];

  beforeAll(async () => {
    database = await openTestDatabase('postgres');
    const env = { DATABASE_URL: database.url!, PRESENTER_KEY: KEY };
    a = await spawnServer([POLL_DECK], env);
    b = await spawnServer([POLL_DECK], env);
  }, 90_000);
  afterAll(async () => {
    sockets.forEach((s) => s.close());
    await Promise.all([a, b].map((p) => p?.kill()));
    await database?.dispose();
  });

  const track = <T extends { socket: TestSocket }>(c: T) => (sockets.push(c.socket), c);

  it('moves phones on B when the presenter drives A, and counts them on A', async () => {
    const presenter = track(await connect(a.url, { talk: 'polls', key: KEY }));
    await presenter.socket.emitWithAck('slide:goto', { index: 0 });
    const counted = new Promise<number>((resolve) => presenter.socket.on('audience', (e) => e.count >= 4 && resolve(e.count)));
    const phones = await Promise.all([1, 2, 3, 4].map(() => connect(b.url, { talk: 'polls', voter: newVoterId() }).then(track)));
    expect(await counted).toBe(4);
    for (const index of [1, 2, 3, 2, 0]) {
      const moved = phones.map((p) => nextEvent(p.socket, 'slide:changed'));
      expect((await presenter.socket.emitWithAck('slide:goto', { index })).ok).toBe(true);
      expect((await Promise.all(moved)).map((e) => e.index)).toEqual([index, index, index, index]);
    }
    // A phone joining B late gets the slide the presenter set on A.
    await presenter.socket.emitWithAck('slide:goto', { index: 3 });
    const late = track(await connect(b.url, { talk: 'polls', voter: newVoterId() }));
    expect(late.state.slide).toBe(3);
  });

  it("shows answers sent to B in A's tally", async () => {
    const presenter = track(await connect(a.url, { talk: 'polls', key: KEY }));
    await presenter.socket.emitWithAck('run:start');
    const screen = track(await connect(a.url, { talk: 'polls', role: 'screen' }));
    const totals: number[] = [];
    screen.socket.on('poll:results', (e) => totals.push(e.results.total));
    const opened = track(await connect(b.url, { talk: 'polls', voter: newVoterId() }));
    const pollOnB = nextEventWhere(opened.socket, 'poll:active', (e) => e.poll?.id === 'homelab-breaks');
    await presenter.socket.emitWithAck('slide:goto', { index: 1 }); // opens homelab-breaks on A
    expect((await pollOnB).poll?.status).toBe('open');
    const phones = await Promise.all(Array.from({ length: 20 }, () => connect(b.url, { talk: 'polls', voter: newVoterId() }).then(track)));
    const acks = await Promise.all(phones.map((p) => p.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' })));
    expect(acks.every((x) => x.ok)).toBe(true);
    // The throttled tally broadcast from B reaches the screen on A with all 20.
    await expect.poll(() => totals.at(-1), { timeout: 5_000 }).toBe(20);
    const body = await (await fetch(`${a.url}/api/talks/polls/results`)).json();
    expect(body.runs.at(-1).polls.find((p: { id: string }) => p.id === 'homelab-breaks').results.total).toBe(20);
  });

  it('stores every acknowledged answer when B is killed mid-burst, and its phones resync on A', async () => {
    const presenter = track(await connect(a.url, { talk: 'polls', key: KEY }));
    await presenter.socket.emitWithAck('run:start');
    await presenter.socket.emitWithAck('slide:goto', { index: 1 });
    const proxy = await startTcpProxy([b.port, a.port]);
    sockets.push({ close: () => void proxy.close() });

    type Phone = Socket<ServerToClientEvents, ClientToServerEvents> & { voterId: string; states: TalkState[] };
    const phones: Phone[] = await Promise.all(
      Array.from({ length: 60 }, async () => {
        const voterId = newVoterId();
        const s = io(proxy.url, {
          auth: { talk: 'polls', voter: voterId },
          ...asVoter(voterId),
          transports: ['websocket'],
          forceNew: true,
          reconnectionDelay: 100,
          reconnectionDelayMax: 500,
        }) as Phone;
        s.voterId = voterId;
        s.states = [];
        s.on('state', (st) => s.states.push(st));
        sockets.push(s);
        await new Promise((resolve) => s.once('state', resolve));
        return s;
      }),
    );

    const acked = new Map<string, string>();
    const options = ['DNS', 'Disks', 'Updates', 'Me, at 2am'];
    const burst = phones.flatMap((p, i) =>
      [0, 1, 2].map((round) => {
        const answer = options[(i + round) % 4]!;
        return p
          .timeout(3_000)
          .emitWithAck('vote:cast', { poll: 'homelab-breaks', answer })
          .then((res) => {
            if (res.ok) acked.set(p.voterId, answer); // the last acknowledged answer wins
          })
          .catch(() => undefined); // no ack: the process died first
      }),
    );
    // Kill B mid-burst: once the first answers are acknowledged, with more still on the way.
    await expect.poll(() => acked.size, { timeout: 5_000, interval: 1 }).toBeGreaterThan(0);
    b.child.kill('SIGKILL');
    await Promise.all(burst);
    await b.exited;

    // Every phone reconnects through the proxy to A and gets a fresh state there.
    await expect.poll(() => phones.filter((p) => p.connected && p.states.length >= 2).length, { timeout: 15_000 }).toBe(60);
    expect(phones.every((p) => p.states.at(-1)!.slide === 1)).toBe(true);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ voter_id: string; answer: string }>(
        `select v.voter_id, v.answer from votes v join polls p on p.id = v.poll_id
         join runs r on r.id = p.run_id where r.ended_at is null and p.poll_key = 'homelab-breaks'`,
      );
      const stored = new Map(rows.map((r) => [r.voter_id, r.answer]));
      expect(acked.size).toBeGreaterThan(0);
      // Each phone sent three answers at once; the stored one is the acknowledged one or a later
      // one from the same burst that committed before the process died — never nothing.
      for (const voterId of acked.keys()) expect(stored.has(voterId), `acknowledged answer of ${voterId} lost`).toBe(true);
    } finally {
      await client.end();
    }
  }, 60_000);
});
