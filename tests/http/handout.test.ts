/**
 * `/api/talks/:slug/handout` and `/:slug/handout`: closed to the room until the talk ends (the
 * presenter may preview), then the slides the run showed — whole, links kept, notes only when the
 * deck says `handout: notes`, a skipped slide never sent — with the run's poll results; `?run=N`
 * for an earlier delivery; a `preview: all` deck at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Handout } from '../../contract/http.js';
import { drivers } from '../helpers/databases.js';
import { tempDir } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connect } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';

const TALK = `---
title: Handout talk
handout: notes
---

# Opening

Read [the docs](https://example.com/docs).

Note:
opening-note

---

## Builds

+ first-item
+ second-item

---

## Skipped

secret-skipped-slide

---

## Poll

\`\`\`poll
id: taste
question: Tea or coffee?
type: single
options: [Tea, Coffee]
\`\`\`

---

# Last
`;

const WHOLE = `---
title: Whole deck
preview: all
---

# Alpha

Note: whole-deck-note

---

# Beta

---

# Gamma
`;

describe.each(drivers)('the handout on %s', (driver) => {
  let server: TestServer;

  beforeAll(async () => {
    const dir = await tempDir({ 'handout-talk.md': TALK, 'whole.md': WHOLE, 'client/handout.html': '<!doctype html><handout-page></handout-page>' });
    server = await startTestServer({ driver, decks: [`${dir}/handout-talk.md`, `${dir}/whole.md`], clientDir: `${dir}/client` });
  });
  afterAll(async () => {
    await server?.close();
  });

  const get = (path: string, key?: string) => fetch(`${server.url}${path}`, key ? { headers: { authorization: `Bearer ${key}` } } : {});
  const post = (path: string, body?: object) =>
    fetch(`${server.url}/api/talks/handout-talk${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.key}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('opens to everyone when the talk ends, with what the run showed and nothing it skipped', async () => {
    await post('/slide', { index: 1 });
    await post('/slide', { index: 3 });
    for (const answer of ['Tea', 'Tea', 'Coffee']) {
      const { socket } = await connect(server.url, { talk: 'handout-talk', voter: newVoterId() });
      const ack = await socket.emitWithAck('vote:cast', { poll: 'taste', answer });
      socket.close();
      expect(ack.ok).toBe(true);
    }
    await post('/slide', { index: 4 });

    // before the end: refused to the room, as an API error and as the page's status
    const early = await get('/api/talks/handout-talk/handout');
    expect(early.status).toBe(403);
    expect(await early.json()).toEqual({ error: { code: 'forbidden', message: 'The handout opens when the talk ends.' } });
    const page = await get('/handout-talk/handout');
    expect(page.status).toBe(403);
    // the page itself, which says why and lets a presenter's stored key in
    expect(await page.text()).toContain('<handout-page>');
    // the presenter previews it
    const preview = await get('/api/talks/handout-talk/handout', server.key);
    expect(preview.status).toBe(200);
    const previewed = (await preview.json()) as Handout;
    expect(previewed.slides.map((s) => s.index)).toEqual([0, 1, 3, 4]);
    expect(previewed.open).toBe(false);

    expect((await post('/end')).status).toBe(200);
    const res = await get('/api/talks/handout-talk/handout');
    expect(res.status).toBe(200);
    const text = await res.text();
    const handout = JSON.parse(text) as Handout;
    expect(handout.run).toMatchObject({ number: 1, endedAt: expect.any(Number) });
    expect(handout.open).toBe(true);
    expect(handout.talk).toMatchObject({ slug: 'handout-talk', title: 'Handout talk' });
    expect(handout.slides.map((s) => s.index)).toEqual([0, 1, 3, 4]);
    // the skipped slide never leaves the server, not even its title
    expect(text).not.toContain('secret-skipped-slide');
    expect(text).not.toContain('Skipped');
    // every build step, though the talk showed only the first
    expect(handout.slides[1]!.html).toContain('second-item');
    expect(handout.slides[0]!.html).toMatch(/<a href="https:\/\/example\.com\/docs"/);
    // `handout: notes`
    expect(handout.notes).toBe(true);
    expect(handout.slides[0]!.notes).toContain('opening-note');
    expect(handout.polls).toEqual([expect.objectContaining({ id: 'taste', slide: 3, total: 3, answers: [] })]);
    expect(handout.polls[0]!.results).toMatchObject({ type: 'single', counts: [2, 1] });
    expect((await get('/handout-talk/handout')).status).toBe(200);
  });

  it('picks an earlier run with ?run=N, while the new run is closed again', async () => {
    expect((await post('/runs')).status).toBe(201);
    const current = await get('/api/talks/handout-talk/handout');
    expect(current.status).toBe(403);
    expect((await get('/handout-talk/handout')).status).toBe(403);

    const first = await get('/api/talks/handout-talk/handout?run=1');
    expect(first.status).toBe(200);
    const handout = (await first.json()) as Handout;
    expect(handout.run.number).toBe(1);
    expect(handout.slides.map((s) => s.index)).toEqual([0, 1, 3, 4]);
    expect(handout.polls[0]!.total).toBe(3);
    expect((await get('/handout-talk/handout?run=1')).status).toBe(200);

    const missing = await get('/api/talks/handout-talk/handout?run=7');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not_found', message: expect.stringContaining('run 7') } });
    expect((await get('/api/talks/handout-talk/handout?run=first')).status).toBe(400);
    expect((await get('/api/talks/nope/handout')).status).toBe(404);
    expect((await get('/nope/handout')).status).toBe(404);
  });

  it('shows a preview: all deck at once, every slide, without notes the deck did not ask for', async () => {
    const res = await get('/api/talks/whole/handout');
    expect(res.status).toBe(200);
    const text = await res.text();
    const handout = JSON.parse(text) as Handout;
    expect(handout.run.endedAt ?? null).toBeNull();
    expect(handout.slides.map((s) => s.title)).toEqual(['Alpha', 'Beta', 'Gamma']);
    expect(handout.notes).toBe(false);
    expect(text).not.toContain('whole-deck-note');
    expect((await get('/whole/handout')).status).toBe(200);
  });
});
