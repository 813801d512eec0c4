import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connect, nextEvent } from '../helpers/sockets.js';

describe.each(drivers)('HTTP API on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ driver });
  });
  afterAll(async () => {
    await server.close();
  });

  const api = (path: string, init: RequestInit & { key?: string } = {}) => {
    const headers = new Headers(init.headers);
    if (init.key) headers.set('Authorization', `Bearer ${init.key}`);
    if (init.body) headers.set('Content-Type', 'application/json');
    return fetch(`${server.url}${path}`, { ...init, headers });
  };

  it('is healthy', async () => {
    const res = await api('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('lists talks', async () => {
    const body = await (await api('/api/talks')).json();
    expect(body.talks).toContainEqual(expect.objectContaining({ slug: 'basic', title: 'Basic fixture talk', slideCount: 4 }));
  });

  it('serves slides without notes to the audience and with notes to the presenter', async () => {
    const open = await (await api('/api/talks/basic')).json();
    expect(open).toMatchObject({ slug: 'basic', slideCount: 4 });
    expect(open.slides).toHaveLength(4);
    expect(open.slides[0]).toMatchObject({ index: 0, title: 'One' });
    expect(open.slides[0].html).toContain('First slide');
    expect(JSON.stringify(open)).not.toContain('notes for');
    expect(open.slides[0]).not.toHaveProperty('notes');

    const withKey = await (await api('/api/talks/basic', { key: server.key })).json();
    expect(withKey.slides[0].notes).toContain('notes for one');
    expect(withKey.slides[1].notes).toContain('notes for two');
  });

  it('answers 404 for an unknown talk and 401 for a wrong key, as JSON', async () => {
    const missing = await api('/api/talks/nope');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found', message: expect.stringContaining('nope') } });
    const wrong = await api('/api/talks/basic', { key: 'not-the-key' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('moves every socket client from the control endpoints', async () => {
    await api('/api/talks/basic/slide', { method: 'POST', key: server.key, body: JSON.stringify({ index: 0 }) });
    const phones = await Promise.all([1, 2, 3].map(() => connect(server.url, { talk: 'basic' })));
    try {
      let changed = phones.map((p) => nextEvent(p.socket, 'slide:changed'));
      const res = await api('/api/talks/basic/slide', { method: 'POST', key: server.key, body: JSON.stringify({ index: 2 }) });
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ index: 2 });
      expect((await Promise.all(changed)).map((e) => e.index)).toEqual([2, 2, 2]);

      changed = phones.map((p) => nextEvent(p.socket, 'slide:changed'));
      expect(await (await api('/api/talks/basic/next', { method: 'POST', key: server.key })).json()).toMatchObject({ index: 3 });
      expect((await Promise.all(changed)).map((e) => e.index)).toEqual([3, 3, 3]);

      changed = phones.map((p) => nextEvent(p.socket, 'slide:changed'));
      expect(await (await api('/api/talks/basic/prev', { method: 'POST', key: server.key })).json()).toMatchObject({ index: 2 });
      expect((await Promise.all(changed)).map((e) => e.index)).toEqual([2, 2, 2]);
      expect((await (await api('/api/talks/basic')).json()).current).toBe(2);
    } finally {
      phones.forEach((p) => p.socket.close());
    }
  });

  it('refuses control without the key, with bad bodies and out of range', async () => {
    const noKey = await api('/api/talks/basic/next', { method: 'POST' });
    expect(noKey.status).toBe(401);
    expect(await noKey.json()).toMatchObject({ error: { code: 'unauthorized' } });
    expect((await api('/api/talks/basic/next', { method: 'POST', key: 'wrong-key' })).status).toBe(401);

    const notJson = await api('/api/talks/basic/slide', { method: 'POST', key: server.key, body: '{index:' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('JSON') } });

    const badShape = await api('/api/talks/basic/slide', { method: 'POST', key: server.key, body: JSON.stringify({ index: 'x' }) });
    expect(badShape.status).toBe(400);
    expect(await badShape.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('index') } });

    const far = await api('/api/talks/basic/slide', { method: 'POST', key: server.key, body: JSON.stringify({ index: 40 }) });
    expect(far.status).toBe(400);
    expect(await far.json()).toMatchObject({ error: { code: 'out_of_range' } });

    const unknown = await api('/api/talks/nope/next', { method: 'POST', key: server.key });
    expect(unknown.status).toBe(404);
  });

  it('starts a new run over HTTP', async () => {
    const res = await api('/api/talks/basic/runs', { method: 'POST', key: server.key });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ slide: 0, run: { number: expect.any(Number) } });
  });

  it('answers unknown API routes with JSON 404 and serves pages for known talks only', async () => {
    const res = await api('/api/nothing');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
    expect((await api('/nope')).status).toBe(404);
    expect((await api('/')).status).toBeLessThan(400);
  });
});
