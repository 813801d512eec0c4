import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ensurePoll,
  ensureTalk,
  findPoll,
  getOrStartRun,
  pollsForRun,
  setPollStatus,
  setResultsHidden,
  startRun,
} from '../../db/repo/index.js';
import { drivers, openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { samplePoll } from './fixtures.js';

describe.each(drivers)('polls on %s', (driver) => {
  let t: TestDatabase;
  let runId: number;
  beforeEach(async () => {
    t = await openTestDatabase(driver);
    const { id } = await ensureTalk(t.database.db, { slug: 'intro', title: 'Intro', deckHash: 'h' });
    runId = (await getOrStartRun(t.database.db, id)).id;
  });
  afterEach(() => t.dispose());

  it('ensurePoll creates a closed poll once and returns it unchanged afterwards', async () => {
    const { db } = t.database;
    const created = await ensurePoll(db, runId, samplePoll('lunch'));
    expect(created).toMatchObject({ runId, pollKey: 'lunch', slideIndex: 2, status: 'closed', openedAt: null });
    expect(created.spec.options).toEqual(['Pizza', 'Noodles', 'Salad']);

    const opened = await setPollStatus(db, created.id, 'open');
    expect(opened).toMatchObject({ status: 'open', openedAt: expect.any(Number), closedAt: null });

    // Reaching the slide again must not close or reset a poll that is open.
    const again = await ensurePoll(db, runId, samplePoll('lunch', { question: 'Changed?' }));
    expect(again).toEqual(opened);
    expect(await pollsForRun(db, runId)).toHaveLength(1);
  });

  it('closing stamps closedAt, and results can be hidden', async () => {
    const { db } = t.database;
    const poll = await ensurePoll(db, runId, samplePoll('lunch'));
    await setPollStatus(db, poll.id, 'open');
    const closed = await setPollStatus(db, poll.id, 'closed');
    expect(closed).toMatchObject({ status: 'closed', openedAt: expect.any(Number), closedAt: expect.any(Number) });
    expect(await setPollStatus(db, 999_999, 'open')).toBeNull();

    await setResultsHidden(db, poll.id, true);
    expect((await findPoll(db, runId, 'lunch'))?.resultsHidden).toBe(true);
    expect(await findPoll(db, runId, 'nope')).toBeNull();
  });

  it('keeps ad-hoc polls and each run its own poll of the same key', async () => {
    const { db } = t.database;
    const adHoc = await ensurePoll(db, runId, samplePoll('adhoc-1', { slideIndex: null, type: 'words' }));
    expect(adHoc).toMatchObject({ slideIndex: null, type: 'words' });

    const first = await ensurePoll(db, runId, samplePoll('lunch'));
    const talkId = (await ensureTalk(db, { slug: 'intro', title: 'Intro', deckHash: 'h' })).id;
    const next = await startRun(db, talkId);
    const second = await ensurePoll(db, next.id, samplePoll('lunch'));
    expect(second.id).not.toBe(first.id);
    expect((await pollsForRun(db, runId)).map((p) => p.pollKey)).toEqual(['adhoc-1', 'lunch']);
  });
});
