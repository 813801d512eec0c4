import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  addPlayers,
  ensurePoll,
  ensureTalk,
  getOrStartRun,
  NicknameTakenError,
  playersForRun,
  quizAnswersForRun,
  setCorrectShown,
  setNickname,
  upsertVotes,
} from '../../db/repo/index.js';
import { drivers, openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { samplePoll } from './fixtures.js';

describe.each(drivers)('quiz players and answers on %s', (driver) => {
  let t: TestDatabase;
  let runId: number;
  beforeEach(async () => {
    t = await openTestDatabase(driver);
    const { id } = await ensureTalk(t.database.db, { slug: 'quiz', title: 'Quiz', deckHash: 'h' });
    runId = (await getOrStartRun(t.database.db, id)).id;
  });
  afterEach(() => t.dispose());

  it('numbers new players in one batch in the order given; known ones keep their number', async () => {
    const { db } = t.database;
    await addPlayers(db, runId, ['b', 'a']);
    await addPlayers(db, runId, ['a', 'c', 'c', 'd']);
    expect(await playersForRun(db, runId)).toEqual([
      { voterId: 'b', number: 1, nickname: null },
      { voterId: 'a', number: 2, nickname: null },
      { voterId: 'c', number: 3, nickname: null },
      { voterId: 'd', number: 4, nickname: null },
    ]);
  });

  it('numbers players added at once from several connections without a clash', async () => {
    const { db } = t.database;
    await Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? addPlayers(db, runId, [`x${i}`, `y${i}`]) : setNickname(db, runId, `n${i}`, `Name ${i}`))));
    const numbers = (await playersForRun(db, runId)).map((p) => p.number);
    expect(numbers).toEqual(Array.from({ length: 45 }, (_, i) => i + 1));
  });

  it('sets a nickname (making a player), refuses one taken whatever its case, and clears it', async () => {
    const { db } = t.database;
    await addPlayers(db, runId, ['a']);
    expect(await setNickname(db, runId, 'b', 'Ada')).toEqual({ voterId: 'b', number: 2, nickname: 'Ada' });
    await expect(setNickname(db, runId, 'a', 'ADA')).rejects.toBeInstanceOf(NicknameTakenError);
    expect(await setNickname(db, runId, 'b', null)).toEqual({ voterId: 'b', number: 2, nickname: null });
    expect(await setNickname(db, runId, 'a', 'ada')).toEqual({ voterId: 'a', number: 1, nickname: 'ada' });
  });

  it('reads a run’s quiz answers only, with when they arrived, and stamps the reveal', async () => {
    const { db } = t.database;
    const quiz = await ensurePoll(db, runId, samplePoll('q', { spec: { ...samplePoll('q').spec, correct: ['Pizza'], points: 1000 } }));
    const plain = await ensurePoll(db, runId, samplePoll('plain'));
    await upsertVotes(db, [
      { pollId: quiz.id, voterId: 'v1', answer: 'Pizza', answeredAt: 1_700_000_000_123 },
      { pollId: plain.id, voterId: 'v1', answer: 'Salad' },
      { pollId: quiz.id, voterId: 'v2', answer: 'Salad' },
    ]);
    const answers = await quizAnswersForRun(db, runId);
    expect(answers).toEqual([
      { pollId: quiz.id, voterId: 'v1', answer: 'Pizza', status: 'visible', answeredAt: 1_700_000_000_123 },
      { pollId: quiz.id, voterId: 'v2', answer: 'Salad', status: 'visible', answeredAt: expect.any(Number) },
    ]);
    const shown = await setCorrectShown(db, quiz.id, true);
    expect(shown?.correctShownAt).toEqual(expect.any(Number));
    expect((await setCorrectShown(db, quiz.id, false))?.correctShownAt).toBeNull();
  });
});
