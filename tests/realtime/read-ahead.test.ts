/**
 * Nothing read ahead: without the presenter key, neither the HTTP API nor any socket payload
 * carries a slide this run has not shown yet. A move brings the slide it shows for the first
 * time; a restart keeps what was shown (slide visits); `preview: all` opts out.
 */
import { describe, expect, it } from 'vitest';
import { drivers } from '../helpers/databases.js';
import { tempDeck } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connect, nextEvent, type TestSocket } from '../helpers/sockets.js';

/** The text of each slide of the basic fixture after the first. */
const LATER = ['Second slide', 'Three', 'The end'];

async function keyless(server: TestServer, slug = 'basic') {
  const res = await fetch(`${server.url}/api/talks/${slug}`);
  expect(res.status).toBe(200);
  return { raw: await res.text(), body: (await (await fetch(`${server.url}/api/talks/${slug}`)).json()) as { slides: { index: number; html: string; hidden?: boolean }[] } };
}

/** Every payload a socket receives, as JSON, for searching. */
function record(socket: TestSocket): string[] {
  const payloads: string[] = [];
  socket.onAny((event, ...args) => payloads.push(`${event} ${JSON.stringify(args)}`));
  return payloads;
}

describe.each(drivers)('read-ahead on %s', (driver) => {
  it('sends a phone only what the talk has shown, and each slide with the move that first shows it', async () => {
    const first = await startTestServer({ driver });
    let second: TestServer | undefined;
    try {
      const before = await keyless(first);
      expect(before.body.slides.map((s) => s.hidden ?? false)).toEqual([false, true, true, true]);
      for (const text of LATER) expect(before.raw).not.toContain(text);
      // the public results (engagement timeline) name only slides this run has shown
      const results = await (await fetch(`${first.url}/api/talks/basic/results`)).text();
      expect(results).toContain('"title":"One"');
      expect(results).not.toMatch(/"title":"(Two|Three|Four)"/);

      const presenter = await connect(first.url, { talk: 'basic', key: first.key });
      const phone = await connect(first.url, { talk: 'basic' });
      const payloads = record(phone.socket);
      expect(JSON.stringify(phone.state)).not.toMatch(/Second slide|Three|The end/);

      // skip slide 2: the phone gets slide 3's content with the move, and nothing of slide 2
      let moved = nextEvent(phone.socket, 'slide:changed');
      await presenter.socket.emitWithAck('slide:goto', { index: 2 });
      const third = await moved;
      expect(third.index).toBe(2);
      expect(third.slide?.html).toContain('<h1>Three</h1>');
      expect(third.slide).not.toHaveProperty('notes');

      const middle = await keyless(first);
      expect(middle.body.slides.map((s) => s.hidden ?? false)).toEqual([false, true, false, true]);
      expect(middle.raw).not.toContain('Second slide');
      expect(middle.raw).not.toContain('The end');

      // back to a slide shown before: no content again
      moved = nextEvent(phone.socket, 'slide:changed');
      await presenter.socket.emitWithAck('slide:goto', { index: 1 });
      expect((await moved).slide?.html).toContain('Second slide');
      moved = nextEvent(phone.socket, 'slide:changed');
      await presenter.socket.emitWithAck('slide:goto', { index: 2 });
      expect(await moved).not.toHaveProperty('slide');

      expect(payloads.join('\n')).not.toContain('The end');
      phone.socket.close();
      presenter.socket.close();
      await first.close({ keepDatabase: true });

      // a restart remembers what this run has shown
      second = await startTestServer({ driver, database: first.database });
      const after = await keyless(second);
      expect(after.body.slides.map((s) => s.hidden ?? false)).toEqual([false, false, false, true]);
      expect(after.raw).not.toContain('The end');
      const withKey = await (await fetch(`${second.url}/api/talks/basic`, { headers: { authorization: `Bearer ${second.key}` } })).json();
      expect(JSON.stringify(withKey)).toContain('The end');
    } finally {
      await (second ?? first).close();
    }
  });

  it('gives everyone the whole deck when it says preview: all, and starts a new run with nothing shown', async () => {
    const open = await tempDeck('---\ntitle: Handout\npreview: all\n---\n\n# A\n\n---\n\n# B\n\nsecond\n', {}, 'handout.md');
    const server = await startTestServer({ driver, decks: [open, (await import('../helpers/server.js')).FIXTURE_DECK] });
    try {
      const handout = await keyless(server, 'handout');
      expect(handout.body.slides.map((s) => s.hidden ?? false)).toEqual([false, false]);
      expect(handout.raw).toContain('second');

      const presenter = await connect(server.url, { talk: 'basic', key: server.key });
      await presenter.socket.emitWithAck('slide:goto', { index: 3 });
      expect((await keyless(server)).raw).toContain('The end');
      await presenter.socket.emitWithAck('run:start');
      const fresh = await keyless(server);
      expect(fresh.body.slides.map((s) => s.hidden ?? false)).toEqual([false, true, true, true]);
      presenter.socket.close();
    } finally {
      await server.close();
    }
  });
});

const BUILD = `---
title: Build
---

# Start

---

## List

+ alpha item
+ beta item
+ gamma item
`;

describe.each(drivers)('builds on %s', (driver) => {
  it('walks steps before slides, sends each step with the move that reveals it, and keeps the step across a restart', async () => {
    const deck = await tempDeck(BUILD, {}, 'build.md');
    const first = await startTestServer({ driver, decks: [deck] });
    let second: TestServer | undefined;
    try {
      const presenter = await connect(first.url, { talk: 'build', key: first.key });
      const phone = await connect(first.url, { talk: 'build' });
      const payloads = record(phone.socket);

      let moved = nextEvent(phone.socket, 'slide:changed');
      expect(await presenter.socket.emitWithAck('slide:next')).toMatchObject({ ok: true, data: { index: 1, step: 0 } });
      const arrival = await moved;
      expect(arrival.slide?.html).toContain('List');
      expect(arrival.slide?.html).not.toContain('alpha item');

      moved = nextEvent(phone.socket, 'slide:changed');
      await presenter.socket.emitWithAck('slide:next');
      const firstStep = await moved;
      expect([firstStep.index, firstStep.step]).toEqual([1, 1]);
      expect(firstStep.slide?.html).toContain('alpha item');
      expect(firstStep.slide?.html).not.toContain('beta item');

      // by HTTP, as a clicker script would: straight to step 2
      const res = await fetch(`${first.url}/api/talks/build/slide`, { method: 'POST', headers: { authorization: `Bearer ${first.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ index: 1, step: 2 }) });
      expect(await res.json()).toMatchObject({ index: 1, step: 2 });
      const bad = await fetch(`${first.url}/api/talks/build/slide`, { method: 'POST', headers: { authorization: `Bearer ${first.key}`, 'content-type': 'application/json' }, body: JSON.stringify({ index: 1, step: 9 }) });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { code: 'out_of_range', message: expect.stringMatching(/Step 9/) } });

      const keyless = await (await fetch(`${first.url}/api/talks/build`)).text();
      expect(keyless).toContain('beta item');
      expect(keyless).not.toContain('gamma item');
      expect(payloads.join('\n')).not.toContain('gamma item');

      // back one step: nothing new to send
      moved = nextEvent(phone.socket, 'slide:changed');
      await presenter.socket.emitWithAck('slide:prev');
      const back = await moved;
      expect([back.index, back.step, back.slide]).toEqual([1, 1, undefined]);
      await presenter.socket.emitWithAck('slide:next');
      phone.socket.close();
      presenter.socket.close();
      await first.close({ keepDatabase: true });

      second = await startTestServer({ driver, decks: [deck], database: first.database });
      const again = await connect(second.url, { talk: 'build' });
      expect([again.state.slide, again.state.step]).toEqual([1, 2]);
      again.socket.close();
      const after = await (await fetch(`${second.url}/api/talks/build`)).text();
      expect(after).toContain('beta item');
      expect(after).not.toContain('gamma item');
    } finally {
      await (second ?? first).close();
    }
  });
});
