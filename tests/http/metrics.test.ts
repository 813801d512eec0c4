import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connect } from '../helpers/sockets.js';
import { fixtureDeck } from '../helpers/decks.js';
import { newVoterId } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');

describe('observability', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ decks: [POLL_DECK], metricsToken: 'metrics-secret-token' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('reports readiness', async () => {
    const res = await fetch(`${server.url}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, database: 'up' });
  });

  it('protects /metrics with METRICS_TOKEN', async () => {
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401);
  });

  it('exports sockets per talk, slide changes, answers by outcome, ack latency and event-loop lag', async () => {
    const presenter = await connect(server.url, { talk: 'polls', key: server.key });
    const phone = await connect(server.url, { talk: 'polls', voter: newVoterId() });
    await presenter.socket.emitWithAck('slide:goto', { index: 1 });
    await phone.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' });
    await phone.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'Printers' });
    const res = await fetch(`${server.url}/metrics`, { headers: { Authorization: 'Bearer metrics-secret-token' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    const text = await res.text();
    expect(text).toMatch(/^lectern_sockets\{talk="polls"\} 2$/m);
    expect(text).toMatch(/^lectern_slide_changes_total\{talk="polls"\} [1-9]/m);
    expect(text).toMatch(/^lectern_answers_total\{outcome="ok"\} 1$/m);
    expect(text).toMatch(/^lectern_answers_total\{outcome="invalid_option"\} 1$/m);
    expect(text).toMatch(/^lectern_ack_seconds_bucket\{le="0.1",event="vote:cast"\} 2$/m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(text).toMatch(/^lectern_database_errors_total 0$/m);
    presenter.socket.close();
    phone.socket.close();
  });
});
