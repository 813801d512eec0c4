/**
 * One bad deck does not take the others down: a server started with a broken deck beside good
 * ones serves the good ones and lists the broken one (without its path) in /api/talks; a deck
 * with another tool's or an unknown theme loads on a built-in theme. And a favicon, not a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DECK, startTestServer, type TestServer } from '../helpers/server.js';
import { tempDeck } from '../helpers/decks.js';

const BROKEN = `---
title: Two polls on one slide
---

# Oops

\`\`\`poll
question: First?
options: [a, b]
\`\`\`

\`\`\`poll
question: Second?
options: [c, d]
\`\`\`
`;

describe('a server with a broken deck beside good ones', () => {
  let server: TestServer;
  let brokenFile: string;
  let styled: string;
  beforeAll(async () => {
    brokenFile = await tempDeck(BROKEN, {}, 'oops.md');
    const night = await tempDeck('---\ntitle: Night talk\ntheme: night\n---\n\n# Hello\n', {}, 'night.md');
    const unknown = await tempDeck('---\ntitle: Company talk\ntheme: acme-corporate-2019\n---\n\n# Hello\n', {}, 'acme.md');
    styled = await tempDeck('---\ntitle: Styled\ncss: style.css\n---\n\n# Hello\n', { 'style.css': 'h1 { color: rgb(255, 0, 255); }', 'other.css': 'body { display: none }' }, 'styled.md');
    server = await startTestServer({ decks: [FIXTURE_DECK, brokenFile, night, unknown, styled] });
  });
  afterAll(() => server?.close());

  it('serves the good decks and lists the broken one with what is wrong, not where it lives', async () => {
    const { talks } = (await (await fetch(`${server.url}/api/talks`)).json()) as { talks: { slug: string; title: string; broken?: string }[] };
    expect(talks.filter((t) => !t.broken).map((t) => t.slug).sort()).toEqual(['acme', 'basic', 'night', 'styled']);
    const broken = talks.find((t) => t.broken);
    expect(broken).toMatchObject({ slug: '', title: 'oops.md', broken: expect.stringMatching(/^slide 1: a slide holds at most one poll/) });
    expect(JSON.stringify(talks)).not.toContain(brokenFile.slice(0, brokenFile.lastIndexOf('/')));
    expect((await fetch(`${server.url}/basic`)).status).toBe(200);
    expect((await fetch(`${server.url}/oops`)).status).toBe(404);
  });

  it("loads another tool's theme as its nearest built-in, and an unknown one as the default", async () => {
    const night = await (await fetch(`${server.url}/api/talks/night`)).json();
    expect(night).toMatchObject({ themeName: 'dark', theme: 'dark' });
    const acme = await (await fetch(`${server.url}/api/talks/acme`)).json();
    expect(acme).toMatchObject({ themeName: 'default' });
    expect(acme).not.toHaveProperty('theme');
  });

  it("serves the deck's own stylesheet, and no other CSS file beside it", async () => {
    const talk = (await (await fetch(`${server.url}/api/talks/styled`)).json()) as { stylesheet?: string };
    expect(talk.stylesheet).toMatch(/^\/styled\/assets\/style\.css\?v=[0-9a-f]+$/);
    const css = await fetch(`${server.url}${talk.stylesheet}`);
    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('rgb(255, 0, 255)');
    expect((await fetch(`${server.url}/styled/assets/other.css`)).status).toBe(404);
    expect((await fetch(`${server.url}/styled/assets/styled.md`)).status).toBe(404);
  });

  it('has a favicon', async () => {
    const res = await fetch(`${server.url}/favicon.ico`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/svg+xml');
    expect(await res.text()).toMatch(/^<svg /);
  });
});

describe('a broken deck fixed while the server runs', () => {
  it('is served once saved, and leaves the broken list', async () => {
    const { writeFile } = await import('node:fs/promises');
    const file = await tempDeck(BROKEN, {}, 'later.md');
    const server = await startTestServer({ decks: [FIXTURE_DECK, file], watchDecks: true });
    try {
      const list = async () => ((await (await fetch(`${server.url}/api/talks`)).json()) as { talks: { slug: string; broken?: string }[] }).talks;
      expect((await list()).find((t) => t.broken)).toBeDefined();
      await writeFile(file, '---\ntitle: Fixed now\n---\n\n# Hello again\n');
      const deadline = Date.now() + 15_000;
      while (!(await list()).some((t) => t.slug === 'later') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      const talks = await list();
      expect(talks.map((t) => t.slug).sort()).toEqual(['basic', 'later']);
      expect(talks.some((t) => t.broken)).toBe(false);
      expect((await fetch(`${server.url}/later`)).status).toBe(200);
      const phone = await (await import('../helpers/sockets.js')).connect(server.url, { talk: 'later' });
      expect(phone.state.talk.title).toBe('Fixed now');
      phone.socket.close();
    } finally {
      await server.close();
    }
  }, 30_000);
});
