/**
 * A timed quiz over real sockets, on both databases: 200 phones name themselves (one name taken,
 * one refused), answer three questions at different times (some change their answer, one answers
 * after the countdown), the presenter reveals each; every phone's own place and the leaderboard
 * must equal a recomputation from the stored answers (read from the database directly, scored with
 * the pure rules). The right options must not reach any phone before their reveal; a late joiner
 * gets the standing in its state; a restart mid-quiz keeps scores and player numbers.
 */
import { rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { QuizStanding } from '../../contract/quiz.js';
import type { PollSpec } from '../../contract/poll.js';
import type { TalkResults } from '../../contract/http.js';
import { standings, type QuizAnswer, type QuizQuestion } from '../../server/domain/quiz.js';
import { drivers, openTestDatabase, testAdminUrl } from '../helpers/databases.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { connect, nextEventWhere, type TestSocket } from '../helpers/sockets.js';
import { newVoterId } from '../helpers/voters.js';
import { waitFor } from '../helpers/wait.js';

const DECK = fileURLToPath(new URL('../fixtures/decks/quiz.md', import.meta.url));
const PHONES = 200;
const RIGHT = { capital: '"correct":["Ulaanbaatar"]', rocky: '"correct":["Mercury","Venus"]', river: '"correct":["Nile"]' };

interface Phone {
  voter: string;
  socket?: TestSocket;
  /** Every event payload it received (state included), as JSON. */
  traffic: string[];
  standing?: QuizStanding;
}

async function dropTestDatabase(name: string) {
  const admin = new pg.Client({ connectionString: testAdminUrl() });
  await admin.connect();
  await admin.query(`drop database if exists "${name}" with (force)`).finally(() => admin.end());
}

async function inChunks<T>(items: T[], size: number, fn: (item: T, index: number) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map((item, j) => fn(item, i + j)));
}

async function attach(server: TestServer, phone: Phone) {
  const { socket, state } = await connect(server.url, { talk: 'quiz', voter: phone.voter });
  phone.socket = socket;
  phone.traffic.push(JSON.stringify(['state', state]));
  if (state.quiz) phone.standing = state.quiz;
  socket.onAny((event: string, ...args: unknown[]) => phone.traffic.push(JSON.stringify([event, args])));
  socket.on('quiz:standing', (s) => (phone.standing = s));
  return state;
}

const ok = <T>(res: { ok: true; data: T } | { ok: false; error: { code: string; message: string } }): T => {
  if (!res.ok) throw new Error(`${res.error.code}: ${res.error.message}`);
  return res.data;
};

describe.each(drivers)('a timed quiz with 200 phones on %s', (driver) => {
  it('scores every phone as a recomputation from the stored answers would, leaks no right option, survives a restart', { timeout: 120_000 }, async () => {
    let server = await startTestServer({ driver, decks: [DECK] });
    const phones: Phone[] = Array.from({ length: PHONES }, () => ({ voter: newVoterId(), traffic: [] }));
    const late: Phone = { voter: newVoterId(), traffic: [] };
    const sockets = () => [...phones, late].flatMap((p) => (p.socket ? [p.socket] : []));
    let presenter = await connect(server.url, { talk: 'quiz', key: server.key });
    let staffStanding: QuizStanding | undefined;
    const listenStaff = (s: TestSocket) => s.on('quiz:standing', (e) => (staffStanding = e));
    listenStaff(presenter.socket);
    let capitalClosesAt = 0;
    presenter.socket.on('poll:active', (e) => e.poll?.id === 'capital' && e.poll.closesAt && (capitalClosesAt = e.poll.closesAt));
    const leaked = (fragment: string) => [...phones, late].filter((p) => p.traffic.some((t) => t.includes(fragment))).length;
    try {
      const runNumber = ok(await presenter.socket.emitWithAck('run:start')).run.number;
      expect(presenter.state.quiz).toMatchObject({ top: [], players: 0, shown: 0, questions: 3 });
      await inChunks(phones, 50, (p) => attach(server, p));

      // nicknames: 60 named, one taken (whatever its case), one refused by the filter, the rest anonymous
      await inChunks(phones.slice(0, 60), 30, async (p, i) => expect(ok(await p.socket!.emitWithAck('quiz:nickname', { name: ` Quizzer ${i} ` }))).toMatchObject({ nickname: `Quizzer ${i}` }));
      expect(await phones[60]!.socket!.emitWithAck('quiz:nickname', { name: 'QUIZZER 0' })).toMatchObject({ ok: false, error: { code: 'nickname_taken' } });
      expect(await phones[61]!.socket!.emitWithAck('quiz:nickname', { name: 'fuckface' })).toMatchObject({ ok: false, error: { code: 'nickname_refused', message: 'That nickname is not allowed; choose another.' } });

      // question 1: a 5 s countdown; answers at different times, a quarter change theirs
      ok(await presenter.socket.emitWithAck('slide:goto', { index: 1 }));
      await waitFor('the first question on every phone', () => phones.every((p) => p.traffic.some((t) => t.includes('"poll:active"') && t.includes('"capital"') && t.includes('"open"'))));
      const vote = (p: Phone, poll: string, answer: string | string[]) => p.socket!.emitWithAck('vote:cast', { poll, answer });
      const first = phones.slice(0, 150);
      await inChunks(first, 50, async (p, i) => {
        await new Promise((r) => setTimeout(r, (i % 5) * 150));
        ok(await vote(p, 'capital', i % 4 === 0 ? 'Astana' : i % 4 === 2 ? 'Bishkek' : 'Ulaanbaatar'));
      });
      await inChunks(first.filter((_, i) => i % 4 === 0), 50, async (p) => ok(await vote(p, 'capital', 'Ulaanbaatar')));
      // after the countdown: refused by the server's clock
      expect(capitalClosesAt).toBeGreaterThan(Date.now());
      await waitFor('the countdown to end', () => Date.now() >= capitalClosesAt + 20, 8_000);
      expect(await vote(phones[150]!, 'capital', 'Ulaanbaatar')).toMatchObject({ ok: false, error: { code: 'time_up' } });
      expect(leaked(RIGHT.capital)).toBe(0);
      expect(leaked('"rightCount"')).toBe(0);

      const shown1 = ok(await presenter.socket.emitWithAck('quiz:reveal', { poll: 'capital' }));
      expect(shown1).toMatchObject({ id: 'capital', status: 'closed', correct: ['Ulaanbaatar'], rightCount: first.filter((_, i) => i % 4 !== 2).length });
      await waitFor('every phone’s standing after the first reveal', () => phones.every((p) => p.standing?.shown === 1));
      expect(phones.slice(0, 150).every((p) => p.standing!.me)).toBe(true);
      expect(phones.slice(150).every((p) => !p.standing!.me)).toBe(true);
      expect(leaked(RIGHT.capital)).toBe(PHONES); // everyone saw it once shown
      expect(leaked(RIGHT.rocky)).toBe(0);

      // question 2 (multiple choice, all or nothing), revealed while still open; the late phones play too
      ok(await presenter.socket.emitWithAck('slide:goto', { index: 2 }));
      await waitFor('the second question on every phone', () => phones.every((p) => p.traffic.some((t) => t.includes('"poll:active"') && t.includes('"rocky"'))));
      await inChunks(phones.slice(0, 100), 50, async (p, i) => ok(await vote(p, 'rocky', i % 3 === 0 ? ['Mercury', 'Venus'] : i % 3 === 1 ? ['Mercury'] : ['Mercury', 'Venus', 'Jupiter'])));
      await inChunks(phones.slice(150), 50, async (p) => ok(await vote(p, 'rocky', ['Venus', 'Mercury'])));
      expect(leaked(RIGHT.rocky)).toBe(0);
      const shown2 = ok(await presenter.socket.emitWithAck('quiz:reveal', { poll: 'rocky' }));
      expect(shown2).toMatchObject({ status: 'closed', correct: ['Mercury', 'Venus'], rightCount: 34 + 50 });
      await waitFor('every phone’s standing after the second reveal', () => phones.every((p) => p.standing?.shown === 2));
      expect(phones.every((p) => p.standing!.me)).toBe(true);

      // a late joiner gets the standing in its state (no place of its own yet)
      const lateState = await attach(server, late);
      expect(lateState.quiz).toEqual({ ...staffStanding, me: undefined });
      expect(lateState.quiz?.me).toBeUndefined();
      expect(await presenter.socket.emitWithAck('quiz:reveal', { poll: 'nope' })).toMatchObject({ ok: false, error: { code: 'unknown_poll' } });
      expect(await late.socket!.emitWithAck('quiz:reveal', { poll: 'river' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

      // restart mid-quiz: every phone's place, number and name come back from the database
      const before = new Map(phones.map((p) => [p.voter, p.standing!.me]));
      const topBefore = staffStanding!.top;
      for (const s of [...sockets(), presenter.socket]) s.close();
      await server.close({ keepDatabase: true });
      server = await startTestServer({ driver, decks: [DECK], database: server.database });
      presenter = await connect(server.url, { talk: 'quiz', key: server.key });
      listenStaff(presenter.socket);
      expect(presenter.state.quiz?.top).toEqual(topBefore);
      await inChunks([...phones, late], 50, (p) => attach(server, p));
      for (const p of phones) expect(p.standing?.me).toEqual(before.get(p.voter));

      // question 3: the late joiner plays only this one
      ok(await presenter.socket.emitWithAck('slide:goto', { index: 3 }));
      await waitFor('the third question on every phone', () => [...phones, late].every((p) => p.traffic.some((t) => t.includes('"poll:active"') && t.includes('"river"'))));
      await inChunks(phones, 50, async (p, i) => ok(await vote(p, 'river', i % 2 === 0 ? 'Nile' : 'Danube')));
      ok(await vote(late, 'river', 'Nile'));
      expect(leaked(RIGHT.river)).toBe(0);
      const shown3 = ok(await presenter.socket.emitWithAck('quiz:reveal', { poll: 'river' }));
      expect(shown3.rightCount).toBe(101);
      await waitFor('every phone’s standing after the last reveal', () => [...phones, late].every((p) => p.standing?.shown === 3));
      await waitFor('the presenter’s standing', () => staffStanding?.shown === 3);

      // the leaderboard slide tells the views where the podium goes
      ok(await presenter.socket.emitWithAck('slide:goto', { index: 4 }));
      const slides = await fetch(`${server.url}/api/talks/quiz`).then((r) => r.json() as Promise<{ slides: { leaderboard?: unknown; html: string }[] }>);
      expect(slides.slides[4]).toMatchObject({ leaderboard: { top: 5, title: 'Who knows the world' }, html: expect.stringContaining('lectern-leaderboard') });

      // results and the scores CSV of the run: the same players and scores, never a device id
      const results = await fetch(`${server.url}/api/talks/quiz/results`).then((r) => r.json() as Promise<TalkResults>);
      const thisRun = results.runs.find((r) => r.number === runNumber)!;
      const quiz = thisRun.quiz!;
      expect(quiz.players.slice(0, 10)).toEqual(staffStanding!.top);
      expect(quiz.players).toHaveLength(PHONES + 1);
      expect(quiz.questions.map((q) => [q.poll, q.right])).toEqual([['capital', shown1.rightCount], ['rocky', shown2.rightCount], ['river', 101]]);
      expect(thisRun.polls.find((p) => p.id === 'river')).toMatchObject({ correct: ['Nile'], rightCount: 101 });
      const csv = await fetch(`${server.url}/api/talks/quiz/results/quiz.csv?run=${runNumber}`).then((r) => r.text());
      const lines = csv.trim().split('\r\n');
      expect(lines[0]).toBe('run,rank,name,score,right,points: capital,points: rocky,points: river');
      expect(lines).toHaveLength(PHONES + 2);
      expect(lines[1]!.startsWith(`${runNumber},${quiz.players[0]!.rank},${quiz.players[0]!.name},${quiz.players[0]!.score},${quiz.players[0]!.right},`)).toBe(true);
      for (const p of [...phones, late]) expect(csv).not.toContain(p.voter);
      expect(await fetch(`${server.url}/api/talks/quiz/results/quiz.csv?run=9`).then((r) => r.status)).toBe(404);

      // resetting a shown question makes it unanswered again: its answer hidden, its points gone
      const reset = ok(await presenter.socket.emitWithAck('poll:reset', { poll: 'river' }));
      expect(reset.correct).toBeUndefined();
      await waitFor('every phone’s standing after the reset', () => [...phones, late].every((p) => p.standing?.shown === 2));
      await waitFor('the presenter’s standing after the reset', () => staffStanding?.shown === 2);
      expect(late.standing!.me).toMatchObject({ score: 0, right: 0 });
    } finally {
      for (const s of [...sockets(), presenter.socket]) s.close();
      await server.close({ keepDatabase: true });
    }

    // an independent recomputation: the stored rows, scored by the pure rules
    const t = await openTestDatabase(driver, server.database.dataDir ? { dataDir: `${server.database.dataDir}/pglite` } : { name: server.database.name! });
    try {
      const rows = <T>(r: unknown) => (r as { rows: T[] }).rows;
      const { db } = t.database;
      const ms = (v: unknown) => new Date(v as string).getTime();
      const polls = rows<{ id: number; spec: PollSpec; opened_at: unknown; correct_shown_at: unknown }>(await db.execute(sql`select id, spec, opened_at, correct_shown_at from polls`));
      const questions: QuizQuestion[] = polls.map((p) => ({ pollId: p.id, spec: p.spec, openedAt: p.opened_at ? ms(p.opened_at) : null, shownAt: p.correct_shown_at ? ms(p.correct_shown_at) : null }));
      const answers: QuizAnswer[] = rows<{ poll_id: number; voter_id: string; answer: unknown; status: QuizAnswer['status']; at: unknown }>(
        await db.execute(sql`select poll_id, voter_id, answer, status, coalesce(answered_at, updated_at) as at from votes`),
      ).map((a) => ({ pollId: a.poll_id, voterId: a.voter_id, answer: a.answer, status: a.status, answeredAt: ms(a.at) }));
      const players = rows<{ voter_id: string; number: number; nickname: string | null }>(await db.execute(sql`select voter_id, number, nickname from players`)).map((p) => ({ voterId: p.voter_id, number: p.number, nickname: p.nickname }));
      expect(questions.filter((q) => q.shownAt !== null)).toHaveLength(2);
      expect(answers.some((a) => a.voterId === phones[150]!.voter && polls.find((p) => p.id === a.pollId)?.spec.id === 'capital')).toBe(false);
      const expected = standings(questions, answers, players);
      expect(expected).toHaveLength(PHONES + 1);
      // speed counts: not everyone right on everything scores the same
      expect(new Set(expected.map((p) => p.score)).size).toBeGreaterThan(5);
      expect(staffStanding!.top).toEqual(expected.slice(0, 10).map(({ rank, name, score, right }) => ({ rank, name, score, right })));
      expect(staffStanding!.players).toBe(PHONES + 1);
      for (const p of [...phones, late]) {
        const mine = expected.find((e) => e.voterId === p.voter)!;
        expect(p.standing!.me).toEqual({ rank: mine.rank, name: mine.name, score: mine.score, right: mine.right, nickname: mine.nickname });
      }
      expect(expected.find((e) => e.voterId === phones[7]!.voter)!.name).toBe('Quizzer 7');
      expect(expected.find((e) => e.voterId === phones[61]!.voter)!.name).toMatch(/^Player \d+$/);
    } finally {
      await t.dispose();
      if (server.database.dataDir) await rm(server.database.dataDir, { recursive: true, force: true });
      else await dropTestDatabase(server.database.name!);
    }
  });
});
