import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PollResults } from '../../contract/events.js';
import { drivers } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { arrives, closeSocketsAfterEach, connect, nextEvent, nextEventWhere } from '../helpers/sockets.js';
import { fixtureDeck } from '../helpers/decks.js';
import { newVoterId } from '../helpers/voters.js';

const POLL_DECK = fixtureDeck('polls');

describe.each(drivers)('polls on %s', (driver) => {
  let server: TestServer;
  const track = closeSocketsAfterEach();

  beforeAll(async () => {
    server = await startTestServer({ driver, decks: [POLL_DECK] });
  });
  afterAll(async () => {
    await server.close();
  });

  const presenter = () => connect(server.url, { talk: 'polls', key: server.key }).then(track);
  const screen = () => connect(server.url, { talk: 'polls', role: 'screen' }).then(track);
  const phone = (voter = newVoterId()) => connect(server.url, { talk: 'polls', voter }).then(track);
  const results = async () => (await fetch(`${server.url}/api/talks/polls/results`)).json();
  const currentRunPoll = async (id: string) => {
    const body = await results();
    return body.runs.at(-1).polls.find((p: { id: string }) => p.id === id);
  };
  /** Starts a fresh run and moves to `slide`, so each test has its own empty polls. */
  const freshRunAt = async (slide: number) => {
    const p = await presenter();
    await p.socket.emitWithAck('run:start');
    if (slide > 0) await p.socket.emitWithAck('slide:goto', { index: slide });
    return p;
  };

  it('opens the poll when the presenter reaches its slide and shows it to phones', async () => {
    const p = await freshRunAt(0);
    const ph = await phone();
    expect(ph.state.active.poll).toBeNull();
    const active = nextEventWhere(ph.socket, 'poll:active', (e) => e.poll?.id === 'homelab-breaks');
    await p.socket.emitWithAck('slide:goto', { index: 1 });
    const e = await active;
    expect(e.poll).toMatchObject({ id: 'homelab-breaks', type: 'single', status: 'open', options: ['DNS', 'Disks', 'Updates', 'Me, at 2am'] });
    expect(e.results).toBeUndefined(); // phones see results only after answering
  });

  it('stores 200 concurrent answers, acknowledges each after commit, and broadcasts the stored tally', async () => {
    const p = await freshRunAt(1);
    const sc = await screen();
    const phones = await Promise.all(Array.from({ length: 200 }, () => phone()));
    const options = ['DNS', 'Disks', 'Updates', 'Me, at 2am'];
    const seen: PollResults[] = [];
    sc.socket.on('poll:results', (e) => e.poll === 'homelab-breaks' && seen.push(e.results));
    const acks = await Promise.all(phones.map((ph, i) => ph.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: options[i % 4]! })));
    expect(acks.filter((a) => a.ok)).toHaveLength(200);

    const stored = await currentRunPoll('homelab-breaks');
    expect(stored.answers).toHaveLength(200);
    expect(stored.results).toMatchObject({ total: 200, counts: [50, 50, 50, 50] });
    // The final broadcast arrives within the throttle interval and equals what is stored.
    await expect.poll(() => seen.at(-1), { timeout: 3_000 }).toEqual(stored.results);
    expect(seen.length).toBeLessThan(50); // throttled, not one broadcast per vote
    p.socket.close();
  });

  it('keeps one answer per voter: the last', async () => {
    await freshRunAt(1);
    const voter = newVoterId();
    const ph = await phone(voter);
    expect((await ph.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' })).ok).toBe(true);
    expect(await ph.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'Disks' })).toEqual({ ok: true, data: { poll: 'homelab-breaks', answer: 'Disks' } });
    const stored = await currentRunPoll('homelab-breaks');
    expect(stored.answers.map((a: { answer: unknown }) => a.answer)).toEqual(['Disks']);
    // A reconnecting phone gets its answer back and the results with it.
    ph.socket.close();
    const again = await phone(voter);
    expect(again.state.active.myAnswer).toBe('Disks');
    expect(again.state.active.results).toMatchObject({ total: 1 });
  });

  it('gives each of many phones rejoining at once its own answer back (looked up together)', async () => {
    await freshRunAt(1);
    const options = ['DNS', 'Disks', 'Updates', 'Me, at 2am'];
    const voters = Array.from({ length: 40 }, () => newVoterId());
    const first = await Promise.all(voters.map((voter) => phone(voter)));
    await Promise.all(first.map((ph, i) => ph.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: options[i % 4]! })));
    for (const ph of first) ph.socket.close();
    // a Wi-Fi hiccup: all forty come back together, plus one that never answered
    const [stranger, ...back] = await Promise.all([phone(), ...voters.map((voter) => phone(voter))]);
    expect(back.map((ph) => ph.state.active.myAnswer)).toEqual(voters.map((_, i) => options[i % 4]));
    expect(stranger!.state.active.myAnswer).toBeUndefined();
  });

  it('refuses each bad answer with its own code and stores nothing', async () => {
    const p = await freshRunAt(2); // the multiple-choice poll, max 2
    const ph = await phone();
    const cast = (poll: string, answer: unknown) => (ph.socket as unknown as { emitWithAck: (e: string, x: unknown) => Promise<{ ok: boolean; error?: { code: string } }> }).emitWithAck('vote:cast', { poll, answer });
    const cases: [string, unknown, string][] = [
      ['no-such-poll', 'x', 'unknown_poll'],
      ['tools', ['Puppet'], 'invalid_option'],
      ['tools', 'Nix', 'invalid_answer'],
      ['tools', ['Nix', 'Docker', 'Ansible'], 'too_many_choices'],
      ['tools', [], 'empty_answer'],
      ['open-text', 'not open yet', 'poll_closed'],
    ];
    for (const [poll, answer, code] of cases) expect((await cast(poll, answer)).error?.code, `${poll} ${JSON.stringify(answer)}`).toBe(code);
    expect((await cast('tools', null)).error?.code).toBe('empty_answer');
    const malformed = await (ph.socket as unknown as { emitWithAck: (e: string, x: unknown) => Promise<{ error?: { code: string } }> }).emitWithAck('vote:cast', 'garbage');
    expect(malformed.error?.code).toBe('bad_request');

    await p.socket.emitWithAck('slide:goto', { index: 3 }); // words
    for (const [answer, code] of [[['x'.repeat(41)], 'word_too_long'], [['a', 'b', 'c', 'd'], 'too_many_choices'], [['  '], 'empty_answer']] as const) {
      expect((await cast('one-word', answer)).error?.code).toBe(code);
    }
    await p.socket.emitWithAck('poll:open', { poll: 'open-text' });
    expect((await cast('open-text', 'x'.repeat(281))).error?.code).toBe('text_too_long');
    expect((await cast('open-text', '')).error?.code).toBe('empty_answer');
    await p.socket.emitWithAck('slide:goto', { index: 4 }); // scale 1–5
    expect((await cast('rating', 9)).error?.code).toBe('invalid_option');
    expect((await cast('rating', 'five')).error?.code).toBe('invalid_answer');

    for (const id of ['tools', 'one-word', 'open-text', 'rating']) expect((await currentRunPoll(id)).answers).toEqual([]);
  });

  it('refuses answers to a closed poll, keeps earlier ones on reopen, and closes on-leave polls when leaving', async () => {
    const p = await freshRunAt(2);
    const ph = await phone();
    expect((await ph.socket.emitWithAck('vote:cast', { poll: 'tools', answer: ['Nix'] })).ok).toBe(true);
    await p.socket.emitWithAck('slide:next'); // leaving an on-leave poll closes it
    expect(await ph.socket.emitWithAck('vote:cast', { poll: 'tools', answer: ['Docker'] })).toMatchObject({ ok: false, error: { code: 'poll_closed' } });
    await p.socket.emitWithAck('slide:goto', { index: 1 });
    const closed = await p.socket.emitWithAck('poll:close', { poll: 'homelab-breaks' });
    expect(closed).toMatchObject({ ok: true, data: { status: 'closed' } });
    expect(await ph.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' })).toMatchObject({ ok: false, error: { code: 'poll_closed' } });
    expect(await p.socket.emitWithAck('poll:open', { poll: 'tools' })).toMatchObject({ ok: true, data: { status: 'open' } });
    expect((await currentRunPoll('tools')).answers.map((a: { answer: unknown }) => a.answer)).toEqual([['Nix']]);
  });

  it('hides results from voters and the keyless screen until the presenter reveals them', async () => {
    const p = await freshRunAt(4); // rating: results hidden
    const sc = await screen();
    const ph = await phone();
    const presenterSees = nextEvent(p.socket, 'poll:results');
    expect((await ph.socket.emitWithAck('vote:cast', { poll: 'rating', answer: 4 })).ok).toBe(true);
    expect((await presenterSees).results).toMatchObject({ type: 'scale', total: 1, mean: 4 });
    expect(await arrives(ph.socket, 'poll:results', 600)).toBe(false);
    // Anyone can open the screen view without a key: it learns how many answered, nothing more.
    const sneaky = await screen();
    expect(sneaky.state.active.poll?.id).toBe('rating');
    expect(sneaky.state.active.results).toMatchObject({ total: 1, histogram: [0, 0, 0, 0, 0], mean: null });
    const publicResults = await (await fetch(`${server.url}/api/talks/polls/results`)).json();
    expect(publicResults.runs.at(-1).polls.find((x: { id: string }) => x.id === 'rating')).toMatchObject({ results: null, total: 1, answers: [] });
    const withKey = await (await fetch(`${server.url}/api/talks/polls/results`, { headers: { Authorization: `Bearer ${server.key}` } })).json();
    expect(withKey.runs.at(-1).polls.find((x: { id: string }) => x.id === 'rating').results).toMatchObject({ total: 1, mean: 4 });

    const revealed = nextEvent(ph.socket, 'poll:results', 2_000);
    const screenResults: unknown[] = [];
    sc.socket.on('poll:results', (e) => screenResults.push(e.results));
    expect(await p.socket.emitWithAck('poll:reveal', { poll: 'rating', reveal: true })).toMatchObject({ ok: true, data: { resultsHidden: false } });
    expect((await revealed).results).toMatchObject({ total: 1, histogram: [0, 0, 0, 1, 0] });
    await expect.poll(() => screenResults.at(-1)).toMatchObject({ total: 1, histogram: [0, 0, 0, 1, 0], mean: 4 });
  });

  it('lets only the presenter control polls, and creates ad-hoc polls', async () => {
    const p = await freshRunAt(0);
    const ph = await phone();
    expect(await ph.socket.emitWithAck('poll:open', { poll: 'tools' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ph.socket.emitWithAck('poll:create', { question: 'Sneaky?', options: ['a', 'b'] })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const shown = nextEventWhere(ph.socket, 'poll:active', (e) => e.poll?.id === 'coffee-or-tea');
    const created = await p.socket.emitWithAck('poll:create', { question: 'Coffee or tea?', options: ['Coffee', 'Tea'] });
    expect(created).toMatchObject({ ok: true, data: { id: 'coffee-or-tea', type: 'single', status: 'open', slide: null } });
    expect((await shown).poll?.id).toBe('coffee-or-tea');
    expect((await ph.socket.emitWithAck('vote:cast', { poll: 'coffee-or-tea', answer: 'Tea' })).ok).toBe(true);
    expect(await p.socket.emitWithAck('poll:create', { question: 'Bad', type: 'single' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const again = await p.socket.emitWithAck('poll:create', { question: 'Coffee or tea?', options: ['Coffee', 'Tea'] });
    expect(again).toMatchObject({ ok: true, data: { id: 'coffee-or-tea-2' } });
  });

  it('resets a poll', async () => {
    const p = await freshRunAt(1);
    const ph = await phone();
    await ph.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'DNS' });
    expect((await p.socket.emitWithAck('poll:reset', { poll: 'homelab-breaks' })).ok).toBe(true);
    expect((await currentRunPoll('homelab-breaks')).answers).toEqual([]);
  });

  it('keeps earlier runs and their answers when the talk is given again', async () => {
    await freshRunAt(1);
    const ph = await phone();
    await ph.socket.emitWithAck('vote:cast', { poll: 'homelab-breaks', answer: 'Updates' });
    const before = (await results()).runs.length;
    await freshRunAt(1);
    const body = await results();
    expect(body.runs).toHaveLength(before + 1);
    const previous = body.runs.at(-2).polls.find((x: { id: string }) => x.id === 'homelab-breaks');
    expect(previous.answers.map((a: { answer: unknown }) => a.answer)).toEqual(['Updates']);
    expect(body.runs.at(-1).polls.find((x: { id: string }) => x.id === 'homelab-breaks').answers).toEqual([]);
    expect(JSON.stringify(body)).not.toMatch(/voter/i);
  });
});
