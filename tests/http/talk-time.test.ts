/**
 * The talk's planned length and the slides' planned times reach the presenter only: never a keyless
 * reader, not even of a `preview: all` deck, and never a phone's slide broadcasts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../helpers/databases.js';
import { tempDir } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connect, nextEvent } from '../helpers/sockets.js';

const deck = (slug: string, extra = '') => `---
title: Paced ${slug}
slug: ${slug}
duration: 20m
${extra}
---

# One

<!-- time: 2m -->

---

# Two

---

# Three

<!-- time: 90s -->
`;

describe.each(drivers)('talk duration and slide times on %s', (driver) => {
  let server: TestServer;
  beforeAll(async () => {
    const dir = await tempDir({ 'paced.md': deck('paced'), 'open.md': deck('open-deck', 'preview: all') });
    server = await startTestServer({ driver, decks: [`${dir}/paced.md`, `${dir}/open.md`] });
  });
  afterAll(async () => {
    await server?.close();
  });

  const details = async (slug: string, key?: string) =>
    (await fetch(`${server.url}/api/talks/${slug}`, key ? { headers: { Authorization: `Bearer ${key}` } } : {})).json();

  it('gives the presenter the duration and each slide’s planned time', async () => {
    const body = await details('paced', server.key);
    expect(body.duration).toBe(1_200);
    expect(body.slides.map((s: { time?: number }) => s.time ?? null)).toEqual([120, null, 90]);
  });

  it('gives a keyless reader neither, even when the deck shows every slide up front', async () => {
    for (const slug of ['paced', 'open-deck']) {
      const body = await details(slug);
      expect(body.slides.length).toBe(3);
      expect(body).not.toHaveProperty('duration');
      for (const slide of body.slides) expect(slide).not.toHaveProperty('time');
    }
    const open = await details('open-deck');
    expect(open.slides[0].html).toContain('One'); // the slides are there; their plan is not
  });

  it('never puts a slide’s time into what phones hear when the talk moves', async () => {
    const presenter = await connect(server.url, { talk: 'paced', key: server.key });
    const phone = await connect(server.url, { talk: 'paced' });
    try {
      await presenter.socket.emitWithAck('slide:goto', { index: 0 });
      const moved = nextEvent(phone.socket, 'slide:changed');
      await presenter.socket.emitWithAck('slide:goto', { index: 2 });
      const e = await moved;
      expect(e.slide?.title).toBe('Three');
      expect(e.slide).not.toHaveProperty('time');
      expect(JSON.stringify(phone.state)).not.toMatch(/"duration"|"time"/);
    } finally {
      presenter.socket.close();
      phone.socket.close();
    }
  });
});
