/**
 * The end of a talk over real sockets: the presenter ends the run, everyone hears `run:ended`, a late
 * joiner and a restarted server see the run as ended, the open poll closes, slides stay put until a
 * new run starts; phones and moderators without `moderators: drive` cannot end it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../helpers/databases.js';
import { tempDir } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeSocketsAfterEach, connect, nextEvent, nextEventWhere } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';

const DECK = `---
title: Ending talk
---

# Welcome

---

## Question

\`\`\`poll
id: ending
question: How was it?
type: single
options: [Good, Bad]
\`\`\`

---

# Thanks
`;

describe.each(drivers)('ending a run on %s', (driver) => {
  let server: TestServer;
  let decks: string;
  const track = closeSocketsAfterEach();

  beforeAll(async () => {
    decks = await tempDir({
      'ending.md': DECK,
      'drive.md': '---\ntitle: Moderators drive\nmoderators: drive\n---\n\n# One\n\n---\n\n# Two\n',
      'nodrive.md': '---\ntitle: Moderators moderate\n---\n\n# One\n\n---\n\n# Two\n',
    });
    server = await startTestServer({ driver, decks: [`${decks}/ending.md`, `${decks}/drive.md`, `${decks}/nodrive.md`] });
  });
  afterAll(async () => {
    await server?.close();
  });

  const presenter = (talk = 'ending') => connect(server.url, { talk, key: server.key }).then(track);
  const phone = (talk = 'ending') => connect(server.url, { talk, voter: newVoterId() }).then(track);

  it('tells everyone, keeps the run as the talk’s run, closes the open poll and refuses moves until a new run', async () => {
    const p = await presenter();
    await p.socket.emitWithAck('run:start');
    expect(p.state.run.endedAt ?? null).toBeNull();
    await p.socket.emitWithAck('slide:goto', { index: 1 });
    const ph = await phone();
    expect(ph.state.active.poll).toMatchObject({ id: 'ending', status: 'open' });
    expect(await ph.socket.emitWithAck('vote:cast', { poll: 'ending', answer: 'Good' })).toMatchObject({ ok: true });

    const heard = nextEvent(ph.socket, 'run:ended');
    const closed = nextEventWhere(ph.socket, 'poll:active', (e) => e.poll?.id === 'ending' && e.poll.status === 'closed');
    const ack = await p.socket.emitWithAck('run:end');
    if (!ack.ok) throw new Error(ack.error.message);
    expect(ack.data.run.endedAt).toEqual(expect.any(Number));
    expect(ack.data.run.endedAt!).toBeGreaterThanOrEqual(ack.data.run.startedAt);
    expect((await heard).run).toEqual(ack.data.run);
    await closed;
    // an answer after the end is refused: the poll closed with the talk
    expect(await ph.socket.emitWithAck('vote:cast', { poll: 'ending', answer: 'Bad' })).toMatchObject({ ok: false, error: { code: 'poll_closed' } });

    // a late joiner learns it from its state; the run is the same one
    const late = await phone();
    expect(late.state.run).toEqual(ack.data.run);
    expect(late.state.slide).toBe(1);

    // slides stay where the talk ended, over the socket and over HTTP
    for (const res of [await p.socket.emitWithAck('slide:next'), await p.socket.emitWithAck('slide:goto', { index: 0 })]) {
      expect(res).toMatchObject({ ok: false, error: { code: 'run_ended', message: expect.stringMatching(/new run/) } });
    }
    const http = await fetch(`${server.url}/api/talks/ending/next`, { method: 'POST', headers: { authorization: `Bearer ${server.key}` } });
    expect(http.status).toBe(409);
    expect((await fetch(`${server.url}/api/talks/ending`).then((r) => r.json())).current).toBe(1);

    // ending again changes nothing and tells nobody
    const quiet = nextEvent(late.socket, 'run:ended', 500).then(() => 'heard', () => 'quiet');
    expect(await p.socket.emitWithAck('run:end')).toEqual({ ok: true, data: { run: ack.data.run } });
    expect(await quiet).toBe('quiet');

    // a new run starts fresh and moves again
    const started = await p.socket.emitWithAck('run:start');
    if (!started.ok) throw new Error(started.error.message);
    expect(started.data.run.number).toBe(ack.data.run.number + 1);
    expect(started.data.run.endedAt ?? null).toBeNull();
    expect(await p.socket.emitWithAck('slide:next')).toMatchObject({ ok: true, data: { index: 1 } });
  });

  it('is the presenter’s (and a driving moderator’s): phones and other moderators are refused', async () => {
    const ph = await phone();
    expect(await ph.socket.emitWithAck('run:end')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const screen = track(await connect(server.url, { talk: 'ending', role: 'screen' }));
    expect(await screen.socket.emitWithAck('run:end')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const moderator = track(await connect(server.url, { talk: 'nodrive', key: server.lectern.keys.keysFor('nodrive').moderator }));
    expect(await moderator.socket.emitWithAck('run:end')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await fetch(`${server.url}/api/talks/nodrive`).then((r) => r.json())).run.endedAt ?? null).toBeNull();
    expect(await fetch(`${server.url}/api/talks/nodrive/end`, { method: 'POST' }).then((r) => r.status)).toBe(401);

    const driver = track(await connect(server.url, { talk: 'drive', key: server.lectern.keys.keysFor('drive').moderator }));
    const watcher = await phone('drive');
    const heard = nextEvent(watcher.socket, 'run:ended');
    expect(await driver.socket.emitWithAck('run:end')).toMatchObject({ ok: true, data: { run: { endedAt: expect.any(Number) } } });
    expect((await heard).run.endedAt).toEqual(expect.any(Number));
  });

  it('stays ended across a restart: the server does not start a run by itself', async () => {
    const p = await presenter('nodrive');
    const ended = await p.socket.emitWithAck('run:end');
    if (!ended.ok) throw new Error(ended.error.message);
    p.socket.close();
    await server.close({ keepDatabase: true });
    server = await startTestServer({ driver, database: server.database, decks: [`${decks}/ending.md`, `${decks}/drive.md`, `${decks}/nodrive.md`] });
    const again = await phone('nodrive');
    expect(again.state.run).toEqual(ended.data.run);
  });
});
