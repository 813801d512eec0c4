import { describe, expect, it } from 'vitest';
import { ensurePoll, ensureTalk, getOrStartRun, votesForPoll } from '../../db/repo/index.js';
import type { PollSpec } from '../../server/deck/types.js';
import { createVoteWriter } from '../../server/live/vote-writer.js';
import { drivers, openTestDatabase } from '../helpers/databases.js';
import { newVoterId } from '../helpers/voters.js';

const spec: PollSpec = { id: 'p', question: 'Q?', type: 'text', open: 'auto', close: 'manual', results: 'visible' };

describe.each(drivers)('group-commit vote writer on %s', (driver) => {
  it('lets one unstorable answer fail alone, not the votes batched with it', async () => {
    const t = await openTestDatabase(driver);
    try {
      const { db } = t.database;
      const talk = await ensureTalk(db, { slug: 'w', title: 'W', deckHash: 'h' });
      const run = await getOrStartRun(db, talk.id);
      const poll = await ensurePoll(db, run.id, { pollKey: 'p', slideIndex: 0, spec, resultsHidden: false });
      const writer = createVoteWriter(db);
      // Bypasses the domain check on purpose: the writer must still contain a bad row.
      const outcomes = await Promise.allSettled(
        ['fine', 'bad\u0000', 'also fine'].map((answer) => writer.write({ pollId: poll.id, voterId: newVoterId(), answer })),
      );
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((await votesForPoll(db, poll.id)).map((v) => v.answer).sort()).toEqual(['also fine', 'fine']);
    } finally {
      await t.dispose();
    }
  });
});
