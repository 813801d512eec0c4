/**
 * The asset route serves exactly what the loaded decks reference: images in slides, backgrounds,
 * image settings, the stylesheet and its url()s. A PDF or photo that merely sits beside the deck is
 * a 404, the same answer as a missing file; a reload that references it makes it a 200.
 */
import { writeFile } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG, tempDeck } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const DECK = `---
title: Assets
css: style.css
---

# Pictures

![a picture](pic.png)

---

<!-- background: back.png -->

# With a background

---

<!-- layout: image-right -->
<!-- image: side.png -->

# Beside a picture
`;

const CSS = `/* url(commented.png) is not a reference */
@font-face { font-family: Deck; src: url("fonts/deck.woff2") format("woff2"); }
h1 { background: url('texture.png'), url(data:image/png;base64,AAAA), url(https://example.org/x.png); }`;

describe('the asset route', () => {
  let server: TestServer;
  let file: string;
  const logged: { level: number; msg?: string; err?: unknown }[] = [];
  beforeAll(async () => {
    file = await tempDeck(DECK, {
      'pic.png': PNG,
      'back.png': PNG,
      'side.png': PNG,
      'texture.png': PNG,
      'commented.png': PNG,
      'style.css': CSS,
      'fonts/deck.woff2': 'font',
      'fonts/other.woff2': 'font',
      'private.pdf': '%PDF-1.4 private',
      'holiday.png': PNG,
      'notes/cv.pdf': '%PDF-1.4 cv',
    }, 'pictures.md');
    const sink = new Writable({ write: (chunk, _enc, done) => (logged.push(JSON.parse(String(chunk))), done()) });
    server = await startTestServer({ decks: [file], watchDecks: true, log: pino({ level: 'info' }, sink) });
  });
  afterAll(() => server?.close());

  const get = (path: string) => fetch(`${server.url}/pictures/assets/${path}`);

  it('serves what the slides and the stylesheet reference', async () => {
    for (const path of ['pic.png', 'back.png', 'side.png', 'style.css', 'fonts/deck.woff2', 'texture.png']) {
      expect((await get(path)).status, path).toBe(200);
    }
    expect((await get('pic.png')).headers.get('content-type')).toBe('image/png');
  });

  it('answers 404 for a file beside the deck that nothing references, as for a missing one', async () => {
    const missing = await get('nothing-here.png');
    expect(missing.status).toBe(404);
    const missingBody = (await missing.text()).replace('nothing-here.png', '…');
    for (const path of ['private.pdf', 'holiday.png', 'notes/cv.pdf', 'fonts/other.woff2', 'commented.png', 'pictures.md', './private.pdf', 'fonts/../private.pdf']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect((await res.text()).replace(/"[^"]*"/, '"…"'), path).toBe(missingBody.replace(/"[^"]*"/, '"…"'));
    }
  });

  it('answers a malformed percent-encoding with a 400 and a code, and logs no error', async () => {
    const before = logged.length;
    for (const path of ['%E0%A4%A.png', '%', 'pic%ZZ.png', '%C0%AF']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(await res.json()).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('percent-encoding') } });
    }
    const bad = logged.slice(before).filter((l) => l.level >= 50);
    expect(bad).toEqual([]);
    expect(JSON.stringify(logged.slice(before))).not.toContain('stack');
  });

  it('serves a file once a reload of the deck references it', async () => {
    expect((await get('holiday.png')).status).toBe(404);
    await writeFile(file, `${DECK}\n---\n\n# Holiday\n\n![](holiday.png)\n`);
    const deadline = Date.now() + 10_000;
    let status = 404;
    while (Date.now() < deadline && (status = (await get('holiday.png')).status) !== 200) await new Promise((r) => setTimeout(r, 100));
    expect(status).toBe(200);
    expect((await get('private.pdf')).status).toBe(404);
  });
});
