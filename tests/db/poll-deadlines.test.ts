/** Poll deadlines in the database (both drivers): set on opening, kept by a timer close, moved, stopped, closed once. */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { closePollAtDeadline, ensurePoll, ensureTalk, findPoll, getOrStartRun, setPollDeadline, setPollStatus } from '../../db/repo/index.js';
import { polls } from '../../db/schema/index.js';
import { drivers, openTestDatabase, type TestDatabase } from '../helpers/databases.js';
import { samplePoll } from './fixtures.js';

describe.each(drivers)('poll deadlines on %s', (driver) => {
  let t: TestDatabase;
  let runId: number;
  beforeEach(async () => {
    t = await openTestDatabase(driver);
    const { id } = await ensureTalk(t.database.db, { slug: 'timed', title: 'Timed', deckHash: 'h' });
    runId = (await getOrStartRun(t.database.db, id)).id;
  });
  afterEach(() => t.dispose());

  const timedPoll = async (key: string, timer?: number) => {
    const base = samplePoll(key);
    return ensurePoll(t.database.db, runId, { ...base, spec: { ...base.spec, ...(timer ? { timer } : {}) } });
  };
  /** Moves a poll's deadline into the past, as if its countdown ran out a second ago. */
  const expire = (pollId: number) => t.database.db.update(polls).set({ closesAt: new Date(Date.now() - 1_000) }).where(eq(polls.id, pollId));

  it('starts the full countdown at every opening, none without a timer, and clears it on a close by hand', async () => {
    const { db } = t.database;
    const poll = await timedPoll('quick', 30);
    const opened = (await setPollStatus(db, poll.id, 'open'))!;
    expect(opened.closesAt).toBe(opened.openedAt! + 30_000);
    const closed = (await setPollStatus(db, poll.id, 'closed'))!;
    expect(closed.closesAt).toBeNull();
    const reopened = (await setPollStatus(db, poll.id, 'open'))!;
    expect(reopened.closesAt).toBe(reopened.openedAt! + 30_000);

    const plain = await timedPoll('plain');
    expect((await setPollStatus(db, plain.id, 'open'))!.closesAt).toBeNull();
  });

  it('closes only at or after the deadline, once however many try, and keeps the deadline', async () => {
    const { db } = t.database;
    const poll = await timedPoll('quick', 30);
    await setPollStatus(db, poll.id, 'open');
    expect(await closePollAtDeadline(db, poll.id)).toBeNull(); // 30 s to go
    await expire(poll.id);
    const tries = await Promise.all(Array.from({ length: 5 }, () => closePollAtDeadline(db, poll.id)));
    const winners = tries.filter((r) => r !== null);
    expect(winners).toHaveLength(1);
    expect(winners[0]).toMatchObject({ status: 'closed', closedAt: expect.any(Number), closesAt: expect.any(Number) });
    expect((await findPoll(db, runId, 'quick'))!.closesAt).toBe(winners[0]!.closesAt);
  });

  it('never closes a poll whose countdown was stopped, or one without a countdown', async () => {
    const { db } = t.database;
    const poll = await timedPoll('quick', 30);
    await setPollStatus(db, poll.id, 'open');
    expect((await setPollDeadline(db, poll.id, { stop: true }))!.closesAt).toBeNull();
    expect(await closePollAtDeadline(db, poll.id)).toBeNull();
    const plain = await timedPoll('plain');
    await setPollStatus(db, plain.id, 'open');
    expect(await closePollAtDeadline(db, plain.id)).toBeNull();
    expect((await findPoll(db, runId, 'plain'))!.status).toBe('open');
  });

  it('adds time to the deadline, starts one from now, caps it, and refuses a closed or expired poll', async () => {
    const { db } = t.database;
    const poll = await timedPoll('quick', 30);
    const opened = (await setPollStatus(db, poll.id, 'open'))!;
    expect((await setPollDeadline(db, poll.id, { add: 15, maxSeconds: 3_600 }))!.closesAt).toBe(opened.closesAt! + 15_000);
    const capped = (await setPollDeadline(db, poll.id, { add: 600, maxSeconds: 60 }))!;
    expect(capped.closesAt! - Date.now()).toBeLessThanOrEqual(60_000 + 1_000);

    await setPollDeadline(db, poll.id, { stop: true });
    const before = Date.now();
    const started = (await setPollDeadline(db, poll.id, { add: 20, maxSeconds: 3_600 }))!;
    expect(started.closesAt).toBeGreaterThanOrEqual(before + 20_000 - 1_000);

    await expire(poll.id);
    expect(await setPollDeadline(db, poll.id, { add: 20, maxSeconds: 3_600 })).toBeNull();
    await setPollStatus(db, poll.id, 'closed');
    expect(await setPollDeadline(db, poll.id, { stop: true })).toBeNull();
  });
});
