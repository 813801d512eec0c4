import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connect, nextEvent, nextEventWhere } from '../helpers/sockets.js';
import { fixtureDeck } from '../helpers/decks.js';
import { newVoterId } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');

describe.each(drivers)('poll control and results over HTTP on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ driver, decks: [POLL_DECK] });
  });
  afterAll(async () => {
    await server?.close();
  });

  const post = (path: string, body?: unknown, key: string | null = server.key) =>
    fetch(`${server.url}/api/talks/polls${path}`, {
      method: 'POST',
      headers: { ...(key ? { Authorization: `Bearer ${key}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });

  it('creates an ad-hoc poll that reaches phones, and controls it', async () => {
    const phone = await connect(server.url, { talk: 'polls', voter: newVoterId() });
    const shown = nextEventWhere(phone.socket, 'poll:active', (e) => e.poll?.id === 'tabs-or-spaces');
    const created = await post('/polls', { question: 'Tabs or spaces?', options: ['Tabs', 'Spaces'] });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ id: 'tabs-or-spaces', status: 'open', type: 'single', slide: null });
    expect((await shown).poll?.id).toBe('tabs-or-spaces');
    expect((await phone.socket.emitWithAck('vote:cast', { poll: 'tabs-or-spaces', answer: 'Tabs' })).ok).toBe(true);

    expect(await (await post('/polls/tabs-or-spaces/hide')).json()).toMatchObject({ resultsHidden: true });
    expect(await (await post('/polls/tabs-or-spaces/reveal')).json()).toMatchObject({ resultsHidden: false });
    expect(await (await post('/polls/tabs-or-spaces/close')).json()).toMatchObject({ status: 'closed' });
    expect((await phone.socket.emitWithAck('vote:cast', { poll: 'tabs-or-spaces', answer: 'Spaces' })).ok).toBe(false);
    expect(await (await post('/polls/tabs-or-spaces/open')).json()).toMatchObject({ status: 'open' });
    const reset = nextEvent(phone.socket, 'poll:reset');
    expect((await post('/polls/tabs-or-spaces/reset')).status).toBe(200);
    expect(await reset).toEqual({ poll: 'tabs-or-spaces' });
    phone.socket.close();
  });

  it('refuses bad poll requests with clear errors', async () => {
    expect((await post('/polls', { question: 'x', options: ['a', 'b'] }, null)).status).toBe(401);
    const bad = await post('/polls', { question: '', options: ['a'] });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringMatching(/question|option/) } });
    const noOptions = await post('/polls', { question: 'Pick one', type: 'single' });
    expect(noOptions.status).toBe(400);
    const unknown = await post('/polls/nope/open');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ error: { code: 'unknown_poll' } });
  });
});

describe.each(drivers)('results after a restart on %s', (driver) => {
  it('keeps answers and serves them as JSON and CSV after the server restarts', async () => {
    const first = await startTestServer({ driver, decks: [POLL_DECK] });
    const presenter = await connect(first.url, { talk: 'polls', key: first.key });
    await presenter.socket.emitWithAck('slide:goto', { index: 1 });
    const voter = newVoterId();
    const answers = ['Me, at 2am', 'DNS'];
    for (const answer of answers) {
      const phone = await connect(first.url, { talk: 'polls', voter: answer === 'DNS' ? voter : newVoterId() });
      expect((await phone.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer })).ok).toBe(true);
      phone.socket.close();
    }
    presenter.socket.close();
    await first.close({ keepDatabase: true });

    const second = await startTestServer({ driver, decks: [POLL_DECK], database: first.database });
    try {
      const body = await (await fetch(`${second.url}/api/talks/polls/results`)).json();
      const poll = body.runs.at(-1).polls.find((p: { id: string }) => p.id === 'homelab-breaks');
      expect(poll.results).toMatchObject({ total: 2, counts: [1, 0, 0, 1] });
      // The phone that answered still sees its answer after the restart.
      const back = await connect(second.url, { talk: 'polls', voter });
      expect(back.state.active.myAnswer).toBe('DNS');
      back.socket.close();

      const csv = await fetch(`${second.url}/api/talks/polls/results.csv`);
      expect(csv.headers.get('content-type')).toContain('text/csv');
      expect(csv.headers.get('content-disposition')).toContain('polls-results.csv');
      const rows = (await csv.text()).trim().split('\r\n');
      const answerRows = rows.slice(1).filter((r) => r.includes(',answer,'));
      expect(answerRows).toHaveLength(2);
      expect(answerRows[0]).toMatch(/^\d+,[^,]+,answer,2,homelab-breaks,What breaks in your homelab\?,single,"Me, at 2am",1,\d{4}-/);
      expect(answerRows[1]).toContain(',single,DNS,1,');
      expect(rows.join()).not.toContain(voter);
    } finally {
      await second.close();
    }
  });
});
