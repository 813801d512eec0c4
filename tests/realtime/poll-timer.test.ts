/**
 * Poll countdowns over real sockets on both databases: a poll with `timer:` closes itself at zero and
 * everyone hears it; an answer after the deadline is refused with `time_up` and not stored; the
 * presenter (or a driving moderator) adds time or stops it, phones cannot; an ad-hoc poll takes a
 * timer; a restarted server still closes a countdown that was running.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollView } from '../../contract/poll.js';
import { drivers } from '../helpers/databases.js';
import { tempDir } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { closeSocketsAfterEach, connect, nextEventWhere, type TestSocket } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';

const poll = (id: string, timer: string) => `\`\`\`poll
id: ${id}
question: Quick, ${id}?
type: single
options: [Yes, No]
timer: ${timer}
\`\`\``;

const DECK = `---
title: Timed polls
moderators: drive
---

# Welcome

---

${poll('quick', '5s')}

---

${poll('long', '2m')}

---

# Thanks
`;
const NO_DRIVE = `---\ntitle: Moderators moderate\n---\n\n${poll('only', '1m')}\n`;

/** Resolves when the poll on this socket's screen is `id` and closed. */
const closedOn = (socket: TestSocket, id: string, ms = 15_000) =>
  nextEventWhere(socket, 'poll:active', (e) => e.poll?.id === id && e.poll.status === 'closed', ms);

const data = <T>(ack: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!ack.ok) throw new Error(`${ack.error.code}: ${ack.error.message}`);
  return ack.data;
};

describe.each(drivers)('poll countdowns on %s', (driver) => {
  let server: TestServer;
  const track = closeSocketsAfterEach();

  beforeAll(async () => {
    const dir = await tempDir({ 'timed.md': DECK, 'nodrive.md': NO_DRIVE });
    server = await startTestServer({ driver, decks: [`${dir}/timed.md`, `${dir}/nodrive.md`] });
  });
  afterAll(async () => {
    await server?.close();
  });

  const presenter = (talk = 'timed') => connect(server.url, { talk, key: server.key }).then(track);
  const phone = (talk = 'timed') => connect(server.url, { talk, voter: newVoterId() }).then(track);
  const screen = () => connect(server.url, { talk: 'timed', role: 'screen' }).then(track);
  const storedAnswers = async (id: string) => {
    const body = await (await fetch(`${server.url}/api/talks/timed/results`, { headers: { Authorization: `Bearer ${server.key}` } })).json();
    return body.runs.at(-1).polls.find((p: { id: string }) => p.id === id).answers as unknown[];
  };

  it('closes a 5-second poll by itself at zero, tells everyone, and refuses a later answer with time_up', async () => {
    const p = await presenter();
    data(await p.socket.emitWithAck('run:start'));
    data(await p.socket.emitWithAck('slide:goto', { index: 1 }));
    const ph = await phone();
    const late = await phone();
    const sc = await screen();
    const view = ph.state.active.poll!;
    expect(view).toMatchObject({ id: 'quick', status: 'open', timer: 5 });
    // the full countdown from the moment it opened, by the server's clock
    expect(view.closesAt).toBe(view.openedAt! + 5_000);
    expect(sc.state.active.poll?.closesAt).toBe(view.closesAt);

    const heard = [closedOn(ph.socket, 'quick'), closedOn(late.socket, 'quick'), closedOn(sc.socket, 'quick'), closedOn(p.socket, 'quick')];
    expect(data(await ph.socket.emitWithAck('vote:cast', { poll: 'quick', answer: 'Yes' }))).toMatchObject({ poll: 'quick' });
    const closed = await Promise.all(heard);
    // never before its time; the closed view carries no running countdown
    expect(Date.now()).toBeGreaterThanOrEqual(view.closesAt!);
    for (const e of closed) expect(e.poll!.closesAt ?? null).toBeNull();

    const refused = await late.socket.emitWithAck('vote:cast', { poll: 'quick', answer: 'No' });
    expect(refused).toEqual({ ok: false, error: { code: 'time_up', message: expect.stringMatching(/time is up/i) } });
    expect(await storedAnswers('quick')).toHaveLength(1);
  });

  it('adds time and stops the countdown for the presenter and a driving moderator, never for a phone', async () => {
    const p = await presenter();
    data(await p.socket.emitWithAck('run:start'));
    data(await p.socket.emitWithAck('slide:goto', { index: 2 }));
    const ph = await phone();
    const started = ph.state.active.poll!;
    expect(started.closesAt).toBe(started.openedAt! + 120_000);

    for (const payload of [{ poll: 'long', add: 30 }, { poll: 'long', stop: true as const }]) {
      expect(await ph.socket.emitWithAck('poll:timer', payload)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    const outsider = track(await connect(server.url, { talk: 'nodrive', key: server.lectern.keys.keysFor('nodrive').moderator }));
    expect(await outsider.socket.emitWithAck('poll:timer', { poll: 'only', add: 30 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // hostile payloads: each refused with a reason, nothing changed
    for (const bad of [{ poll: 'long', add: 0 }, { poll: 'long', add: 601 }, { poll: 'long', add: 1.5 }, { poll: 'long', stop: false }, { poll: 'long', add: 5, stop: true }, { poll: 'long' }]) {
      expect(await p.socket.emitWithAck('poll:timer', bad as never)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }

    const extended = nextEventWhere(ph.socket, 'poll:active', (e) => e.poll?.id === 'long' && e.poll.closesAt === started.closesAt! + 30_000);
    const added = data(await p.socket.emitWithAck('poll:timer', { poll: 'long', add: 30 }));
    expect(added.closesAt).toBe(started.closesAt! + 30_000);
    await extended;

    const moderator = track(await connect(server.url, { talk: 'timed', key: server.lectern.keys.keysFor('timed').moderator }));
    const stoppedOnPhone = nextEventWhere(ph.socket, 'poll:active', (e) => e.poll?.id === 'long' && e.poll.status === 'open' && e.poll.closesAt == null);
    const stopped = data(await moderator.socket.emitWithAck('poll:timer', { poll: 'long', stop: true }));
    expect(stopped).toMatchObject({ status: 'open' });
    expect(stopped.closesAt ?? null).toBeNull();
    await stoppedOnPhone;
    // stopped: the poll stays open and takes answers
    expect(await ph.socket.emitWithAck('vote:cast', { poll: 'long', answer: 'No' })).toMatchObject({ ok: true });

    // adding to a stopped countdown starts a new one from now
    const before = Date.now();
    const restarted = data(await p.socket.emitWithAck('poll:timer', { poll: 'long', add: 15 }));
    expect(restarted.closesAt).toBeGreaterThanOrEqual(before + 15_000 - 1_000);
    expect(restarted.closesAt).toBeLessThanOrEqual(Date.now() + 15_000 + 1_000);

    // closed by hand: no countdown, and a late answer hears poll_closed, not time_up
    data(await p.socket.emitWithAck('poll:close', { poll: 'long' }));
    expect(await ph.socket.emitWithAck('poll:timer', { poll: 'long', add: 30 })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await p.socket.emitWithAck('poll:timer', { poll: 'long', add: 30 })).toMatchObject({ ok: false, error: { code: 'poll_closed' } });
    expect(await ph.socket.emitWithAck('vote:cast', { poll: 'long', answer: 'Yes' })).toMatchObject({ ok: false, error: { code: 'poll_closed' } });
    // opened again: the full countdown starts over
    const reopened: PollView = data(await p.socket.emitWithAck('poll:open', { poll: 'long' }));
    expect(reopened.closesAt).toBe(reopened.openedAt! + 120_000);
  });

  it('gives an ad-hoc poll a countdown, over the socket and over HTTP', async () => {
    const p = await presenter();
    data(await p.socket.emitWithAck('run:start'));
    const created = data(await p.socket.emitWithAck('poll:create', { question: 'Coffee?', options: ['Yes', 'No'], timer: 20 }));
    expect(created).toMatchObject({ status: 'open', timer: 20 });
    expect(created.closesAt).toBe(created.openedAt! + 20_000);
    for (const timer of [4, 3_601, 7.5, '20s']) {
      expect(await p.socket.emitWithAck('poll:create', { question: 'Tea?', options: ['Yes', 'No'], timer } as never)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    }
    const res = await fetch(`${server.url}/api/talks/timed/polls/${created.id}/timer`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ stop: true }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).closesAt ?? null).toBeNull();
    const anonymous = await fetch(`${server.url}/api/talks/timed/polls/${created.id}/timer`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"add":30}' });
    expect(anonymous.status).toBe(401);
  });
});

describe.each(drivers)('a countdown across a restart on %s', (driver) => {
  it('still closes the poll on time after the server restarted mid-countdown', async () => {
    const dir = await tempDir({ 'timed.md': DECK });
    const first = await startTestServer({ driver, decks: [`${dir}/timed.md`] });
    const p = await connect(first.url, { talk: 'timed', key: first.key });
    data(await p.socket.emitWithAck('slide:goto', { index: 1 }));
    const watcher = await connect(first.url, { talk: 'timed', voter: newVoterId() });
    watcher.socket.close();
    expect(watcher.state.active.poll).toMatchObject({ id: 'quick', status: 'open' });
    const deadline = watcher.state.active.poll!.closesAt!;
    p.socket.close();
    await first.close({ keepDatabase: true });

    const second = await startTestServer({ driver, decks: [`${dir}/timed.md`], database: first.database });
    try {
      const ph = await connect(second.url, { talk: 'timed', voter: newVoterId() });
      try {
        const poll = ph.state.active.poll!;
        expect(poll.id).toBe('quick');
        // the restart took less than the countdown: the phone sees it running, then closing by itself
        if (poll.status === 'open') {
          expect(poll.closesAt).toBe(deadline);
          await closedOn(ph.socket, 'quick');
        }
        expect(Date.now()).toBeGreaterThanOrEqual(deadline);
        const again = await connect(second.url, { talk: 'timed', voter: newVoterId() });
        expect(again.state.active.poll).toMatchObject({ id: 'quick', status: 'closed' });
        expect(await again.socket.emitWithAck('vote:cast', { poll: 'quick', answer: 'Yes' })).toMatchObject({ ok: false, error: { code: 'time_up' } });
        again.socket.close();
      } finally {
        ph.socket.close();
      }
    } finally {
      await second.close();
    }
  }, 90_000); // two server starts on the embedded database take a while on a busy machine
});
