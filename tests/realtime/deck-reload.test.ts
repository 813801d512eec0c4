import { readFile, writeFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureDeck, tempDeck } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connect, nextEvent, nextEventWhere } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';

describe('editing the deck while the server runs', () => {
  let server: TestServer;
  let file: string;

  beforeAll(async () => {
    file = await tempDeck(await readFile(fixtureDeck('basic'), 'utf8'), {}, 'basic.md');
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

describe('editing a poll in the deck during its run', () => {
  let server: TestServer;
  let file: string;

  beforeAll(async () => {
    file = await tempDeck(await readFile(fixtureDeck('polls'), 'utf8'), {}, 'polls.md');
    server = await startTestServer({ decks: [file], watchDecks: true });
  });
  afterAll(async () => {
    await server.close();
  });

  it('fixes a typo before anyone answered, and keeps answered options until the next run', async () => {
    const presenter = await connect(server.url, { talk: 'polls', key: server.key });
    await presenter.socket.emitWithAck('slide:goto', { index: 1 }); // opens homelab-breaks
    const phone = await connect(server.url, { talk: 'polls', voter: newVoterId() });
    expect(phone.state.active.poll?.options).toEqual(['DNS', 'Disks', 'Updates', 'Me, at 2am']);

    // Nobody answered yet: a fixed option shows at once, on the phone and for answers.
    const fixed = nextEventWhere(phone.socket, 'poll:active', (e) => e.poll?.options?.includes('Backups') === true, 10_000);
    const source = await readFile(file, 'utf8');
    await writeFile(file, source.replace('options: [DNS, Disks, Updates, "Me, at 2am"]', 'options: [DNS, Disks, Backups, "Me, at 2am"]'));
    expect((await fixed).poll).toMatchObject({ id: 'homelab-breaks', status: 'open', options: ['DNS', 'Disks', 'Backups', 'Me, at 2am'] });
    expect((await phone.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'Backups' })).ok).toBe(true);

    // With an answer stored, renaming an option would orphan it: the run keeps its options,
    // while the question text still takes the edit.
    const reworded = nextEventWhere(phone.socket, 'poll:active', (e) => e.poll?.question === 'What breaks first?', 10_000);
    await writeFile(file, source.replace('What breaks in your homelab?', 'What breaks first?').replace('[DNS, Disks, Updates', '[DNS, Drives, Updates'));
    const e = await reworded;
    expect(e.poll?.options).toEqual(['DNS', 'Disks', 'Backups', 'Me, at 2am']);
    const results = await (await fetch(`${server.url}/api/talks/polls/results`)).json();
    const poll = results.runs.at(-1).polls.find((p: { id: string }) => p.id === 'homelab-breaks');
    expect(poll.question).toBe('What breaks first?');
    expect(poll.results).toMatchObject({ total: 1, options: ['DNS', 'Disks', 'Backups', 'Me, at 2am'], counts: [0, 0, 1, 0] });

    // A new run starts from the deck as it is now.
    await presenter.socket.emitWithAck('run:start');
    const next = nextEventWhere(phone.socket, 'poll:active', (x) => x.poll?.id === 'homelab-breaks', 10_000);
    await presenter.socket.emitWithAck('slide:goto', { index: 1 });
    expect((await next).poll?.options).toEqual(['DNS', 'Drives', 'Updates', 'Me, at 2am']);
    const current = await readFile(file, 'utf8');

    // Hiding results in the deck before the first answer hides them in this run too.
    const hidden = nextEventWhere(phone.socket, 'poll:active', (x) => x.poll?.resultsHidden === true, 10_000);
    await writeFile(file, current.replace('options: [DNS, Drives, Updates, "Me, at 2am"]', 'options: [DNS, Drives, Updates, "Me, at 2am"]\nresults: hidden'));
    expect((await hidden).poll).toMatchObject({ id: 'homelab-breaks', resultsHidden: true });
    presenter.socket.close();
    phone.socket.close();
  });
});
