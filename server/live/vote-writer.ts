import type { Db } from '../../db/client.js';
import { isDatabaseUnavailable } from '../../db/errors.js';
import { upsertVotes, type VoteInput } from '../../db/repo/index.js';

interface Pending {
  vote: VoteInput;
  resolve: () => void;
  reject: (err: unknown) => void;
}

type WriterOptions = { maxBatch?: number; onBatch?: (votes: readonly VoteInput[]) => void };

/**
 * Group commit for votes, in a few lanes. In each lane, while one INSERT is in flight the next
 * votes queue up and go out together in the following statement: one vote alone is written at
 * once (no timer to wait on), under load the batches grow by themselves. Lanes run side by side on
 * separate connections; a voter always uses the same lane, so their answers land in order. Each
 * caller's promise settles only after its statement committed: an acknowledgement means "stored".
 */
export function createVoteWriter(db: Db, opts: WriterOptions & { lanes?: number } = {}) {
  const lanes = Array.from({ length: opts.lanes ?? 4 }, () => createLane(db, opts));
  return {
    /** Resolves once the vote is committed; rejects if it could not be stored (nothing of it stored). */
    write: (vote: VoteInput) => lanes[laneOf(vote.voterId, lanes.length)]!.write(vote),
    /** Waits for everything queued so far to be written (graceful shutdown, poll reset). */
    flush: () => Promise.all(lanes.map((l) => l.flush())).then(() => undefined),
  };
}

/** FNV-1a: a cheap, stable spread of voter ids over lanes. */
function laneOf(voterId: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < voterId.length; i++) h = Math.imul(h ^ voterId.charCodeAt(i), 0x01000193);
  return (h >>> 0) % count;
}

function createLane(db: Db, opts: WriterOptions) {
  const maxBatch = opts.maxBatch ?? 1000;
  let queue: Pending[] = [];
  let writing: Promise<void> | null = null;

  async function drain() {
    while (queue.length) {
      // Take the whole queue when it fits (the usual case): no copy of what stays behind.
      const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
      queue = batch === queue ? [] : queue.slice(batch.length);
      const votes = batch.map((p) => p.vote);
      try {
        await upsertVotes(db, votes);
        for (const p of batch) p.resolve();
        opts.onBatch?.(votes);
      } catch (err) {
        if (batch.length === 1 || isDatabaseUnavailable(err)) batch.forEach((p) => p.reject(err));
        // One bad row fails the whole statement: write the batch one by one so it fails only itself.
        else await writeOneByOne(batch);
      }
    }
    writing = null;
  }

  async function writeOneByOne(batch: Pending[]) {
    for (const p of batch) {
      try {
        await upsertVotes(db, [p.vote]);
        p.resolve();
        opts.onBatch?.([p.vote]);
      } catch (err) {
        p.reject(err);
      }
    }
  }

  return {
    /** Resolves once the vote is committed; rejects if its batch failed (nothing of it stored). */
    write(vote: VoteInput): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        queue.push({ vote, resolve, reject });
        writing ??= drain();
      });
    },
    /** Waits for everything queued so far to be written (graceful shutdown). */
    async flush() {
      while (writing) await writing;
    },
  };
}
