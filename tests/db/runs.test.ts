import { afterEach, describe, expect, it } from 'vitest';
import {
  countVotes,
  currentRun,
  ensurePoll,
  ensureTalk,
  getOrStartRun,
  listRuns,
  moveRun,
  pollsForRun,
  setRunSlide,
  slideVisitsForRun,
  startRun,
  upsertVotes,
} from '../../db/repo/index.js';
import { drivers, openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { samplePoll } from './fixtures.js';

describe.each(drivers)('runs on %s', (driver) => {
  let t: TestDatabase;
  afterEach(() => t.dispose());

  async function openWithTalk(opts: { persistent?: boolean } = {}) {
    t = await openTestDatabase(driver, opts);
    const { id } = await ensureTalk(t.database.db, { slug: 'intro', title: 'Intro', deckHash: 'h' });
    return id;
  }

  it('numbers runs per talk and starting one ends the previous, keeping its polls and votes', async () => {
    const talkId = await openWithTalk();
    const { db } = t.database;
    expect(await currentRun(db, talkId)).toBeNull();

    const first = await getOrStartRun(db, talkId);
    expect(first).toMatchObject({ number: 1, currentSlide: 0, endedAt: null });
    expect(await getOrStartRun(db, talkId)).toEqual(first);

    const poll = await ensurePoll(db, first.id, samplePoll('lunch'));
    await upsertVotes(db, [{ pollId: poll.id, voterId: 'v1', answer: 0 }]);
    await setRunSlide(db, first.id, 4);

    const second = await startRun(db, talkId);
    expect(second).toMatchObject({ number: 2, currentSlide: 0, endedAt: null });
    expect(await currentRun(db, talkId)).toEqual(second);

    const [ended, open] = await listRuns(db, talkId);
    expect(ended).toMatchObject({ id: first.id, number: 1, currentSlide: 4 });
    expect(ended!.endedAt).toEqual(expect.any(Number));
    expect(open).toEqual(second);
    expect((await pollsForRun(db, first.id)).map((p) => p.pollKey)).toEqual(['lunch']);
    expect(await countVotes(db, poll.id)).toBe(1);

    // Another talk numbers its own runs from 1.
    const { id: otherTalk } = await ensureTalk(db, { slug: 'other', title: 'Other', deckHash: 'h' });
    expect((await startRun(db, otherTalk)).number).toBe(1);
  });

  // Open several pooled connections first, so the calls below really overlap on Postgres.
  const warmPool = () => Promise.all([1, 2, 3, 4].map(() => t.database.ping()));

  it('concurrent getOrStartRun calls share one run', async () => {
    const talkId = await openWithTalk();
    const { db } = t.database;
    await warmPool();
    const started = await Promise.all([1, 2, 3, 4].map(() => getOrStartRun(db, talkId)));
    expect(new Set(started.map((r) => r.id)).size).toBe(1);
    expect(await listRuns(db, talkId)).toHaveLength(1);
  });

  it('concurrent startRun calls number runs in turn and leave exactly one open', async () => {
    const talkId = await openWithTalk();
    const { db } = t.database;
    await getOrStartRun(db, talkId);
    await warmPool();
    await Promise.all([1, 2, 3].map(() => startRun(db, talkId)));
    const runs = await listRuns(db, talkId);
    expect(runs.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    expect(runs.filter((r) => r.endedAt === null)).toHaveLength(1);
  });

  it('keeps the current slide across a close and reopen', async () => {
    const talkId = await openWithTalk({ persistent: true });
    const run = await getOrStartRun(t.database.db, talkId);
    const before = Date.now();
    await moveRun(t.database.db, run.id, 7);

    const reopened = await t.reopen();
    const resumed = await getOrStartRun(reopened.db, talkId);
    expect(resumed).toMatchObject({ id: run.id, number: 1, currentSlide: 7 });
    // The move and its arrival are one write. Clocks of the database and the test may differ slightly; allow a second.
    const arrival = (await slideVisitsForRun(reopened.db, run.id)).at(-1);
    expect(arrival?.slideIndex).toBe(7);
    expect(arrival?.enteredAt).toBeGreaterThanOrEqual(before - 1000);
  });
});
