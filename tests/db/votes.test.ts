import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  countVotes,
  deleteVotes,
  ensurePoll,
  ensureTalk,
  findVote,
  getOrStartRun,
  setVoteStatus,
  upsertVotes,
  votesForPoll,
} from '../../db/repo/index.js';
import { drivers, openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { samplePoll } from './fixtures.js';

describe.each(drivers)('votes on %s', (driver) => {
  let t: TestDatabase;
  let pollId: number;
  beforeEach(async () => {
    t = await openTestDatabase(driver);
    const { db } = t.database;
    const { id } = await ensureTalk(db, { slug: 'intro', title: 'Intro', deckHash: 'h' });
    const run = await getOrStartRun(db, id);
    pollId = (await ensurePoll(db, run.id, samplePoll('lunch'))).id;
  });
  afterEach(() => t.dispose());

  it('a voter who votes again has one answer, the last', async () => {
    const { db } = t.database;
    await upsertVotes(db, [{ pollId, voterId: 'v1', answer: 0 }]);
    await upsertVotes(db, [{ pollId, voterId: 'v1', answer: 2 }]);
    const stored = await votesForPoll(db, pollId);
    expect(stored).toEqual([{ id: expect.any(Number), voterId: 'v1', answer: 2, status: 'visible', at: expect.any(Number) }]);
    expect(await countVotes(db, pollId)).toBe(1);
  });

  it('keeps a status per answer: held on arrival, set by a moderator, and hidden stays hidden when its voter answers again', async () => {
    const { db } = t.database;
    await upsertVotes(db, [
      { pollId, voterId: 'v1', answer: 0, status: 'held' },
      { pollId, voterId: 'v2', answer: 1 },
    ]);
    const [v1, v2] = await votesForPoll(db, pollId);
    expect([v1!.status, v2!.status]).toEqual(['held', 'visible']);
    expect(await setVoteStatus(db, pollId, [v1!.id, 999_999], 'visible')).toEqual([v1!.id]);
    expect(await setVoteStatus(db, pollId + 1, [v2!.id], 'hidden')).toEqual([]); // another poll's ids are ignored
    await setVoteStatus(db, pollId, [v2!.id], 'hidden');
    await upsertVotes(db, [{ pollId, voterId: 'v2', answer: 2 }, { pollId, voterId: 'v1', answer: 2, status: 'held' }]);
    expect((await votesForPoll(db, pollId)).map((v) => [v.voterId, v.answer, v.status])).toEqual([
      ['v1', 2, 'held'],
      ['v2', 2, 'hidden'],
    ]);
    expect(await findVote(db, pollId, 'v2')).toMatchObject({ status: 'hidden' });
  });

  it('a batch naming a voter twice keeps that voter’s last answer', async () => {
    const { db } = t.database;
    await upsertVotes(db, [
      { pollId, voterId: 'v1', answer: 0 },
      { pollId, voterId: 'v2', answer: 1 },
      { pollId, voterId: 'v1', answer: 2 },
    ]);
    const stored = await votesForPoll(db, pollId);
    expect(stored.map((v) => [v.voterId, v.answer])).toEqual([
      ['v2', 1],
      ['v1', 2],
    ]);
  });

  it('stores a 500-vote batch exactly', async () => {
    const { db } = t.database;
    const batch = Array.from({ length: 500 }, (_, i) => ({ pollId, voterId: `voter-${i}`, answer: i % 3 }));
    await upsertVotes(db, batch);
    const stored = await votesForPoll(db, pollId);
    expect(stored.map((v) => [v.voterId, v.answer])).toEqual(batch.map((v) => [v.voterId, v.answer]));
    expect(await countVotes(db, pollId)).toBe(500);
  });

  it('stores a batch too large for one statement (25,000 votes)', async () => {
    const { db } = t.database;
    const batch = Array.from({ length: 25_000 }, (_, i) => ({ pollId, voterId: `voter-${i}`, answer: i % 3 }));
    await upsertVotes(db, batch);
    expect(await countVotes(db, pollId)).toBe(25_000);
  });

  it('gives answers back exactly as cast, strings that look like JSON included', async () => {
    const { db } = t.database;
    const answers = ['42', 'true', 'null', '[1]', 'plain words', [0, 2], ['lisbon', 'porto'], 4, { x: 'y' }];
    await upsertVotes(
      db,
      answers.map((answer, i) => ({ pollId, voterId: `v${i}`, answer })),
    );
    expect((await votesForPoll(db, pollId)).map((v) => v.answer)).toEqual(answers);
  });

  it('a reset removes the poll’s votes only', async () => {
    const { db } = t.database;
    const run = await getOrStartRun(db, (await ensureTalk(db, { slug: 'intro', title: 'Intro', deckHash: 'h' })).id);
    const other = await ensurePoll(db, run.id, samplePoll('dessert'));
    await upsertVotes(db, [
      { pollId, voterId: 'v1', answer: 0 },
      { pollId, voterId: 'v2', answer: 1 },
      { pollId: other.id, voterId: 'v1', answer: 1 },
    ]);
    expect(await deleteVotes(db, pollId)).toBe(2);
    expect(await countVotes(db, pollId)).toBe(0);
    expect(await countVotes(db, other.id)).toBe(1);
  });
});
