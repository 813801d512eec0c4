import { copyFile, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_DECK, startTestServer, type TestServer } from '../helpers/server.js';
import { connect, nextEvent } from '../helpers/sockets.js';

describe('editing the deck while the server runs', () => {
  let server: TestServer;
  let file: string;

  beforeAll(async () => {
    file = join(await mkdtemp(join(tmpdir(), 'lectern-reload-')), 'basic.md');
    await copyFile(FIXTURE_DECK, file);
    server = await startTestServer({ decks: [file], watchDecks: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('sends clients the new content and keeps the current slide', async () => {
    const presenter = await connect(server.url, { talk: 'basic', key: server.key });
    await presenter.socket.emitWithAck('slide:goto', { index: 2 });
    const phone = await connect(server.url, { talk: 'basic' });
    const updated = nextEvent(phone.socket, 'deck:updated', 10_000);
    const source = await readFile(file, 'utf8');
    await writeFile(file, source.replace('# Three', '# Three, revised'));
    const e = await updated;
    expect(e.slide).toBe(2);
    expect(e.talk.qa).toBe('open');
    expect(e.talk.hash).not.toBe(phone.state.talk.hash);
    const deck = await (await fetch(`${server.url}/api/talks/basic`)).json();
    expect(deck.slides[2].title).toBe('Three, revised');
    expect(deck.current).toBe(2);

    // A broken edit keeps the previous version on screen.
    const quiet = nextEvent(phone.socket, 'deck:updated', 1_500).then(() => 'updated', () => 'kept');
    await writeFile(file, '---\ntitle: [unclosed\n---\n# x\n');
    expect(await quiet).toBe('kept');

    // A deck cut to two slides clamps the current slide to the last one.
    const shrunk = nextEvent(phone.socket, 'deck:updated', 10_000);
    await writeFile(file, '# Only\n\n---\n\n# Two left\n');
    expect((await shrunk).slide).toBe(1);
    expect((await (await fetch(`${server.url}/api/talks/basic`)).json()).slideCount).toBe(2);
    presenter.socket.close();
    phone.socket.close();
  });
});
