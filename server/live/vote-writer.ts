import type { Db } from '../../db/client.js';
import { isDatabaseUnavailable } from '../../db/errors.js';
import { upsertVotes, type VoteInput } from '../../db/repo/index.js';

interface Pending {
  vote: VoteInput;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit for votes: while one INSERT is in flight the next votes queue up and go out
 * together in the following statement. One vote alone is written at once (no timer to wait on);
 * under load the batches grow by themselves. Each caller's promise settles only after its
 * statement committed, so an acknowledgement always means "stored".
 */
export function createVoteWriter(db: Db, opts: { maxBatch?: number; onBatch?: (votes: readonly VoteInput[]) => void } = {}) {
  const maxBatch = opts.maxBatch ?? 1000;
  let queue: Pending[] = [];
  let writing: Promise<void> | null = null;

  async function drain() {
    while (queue.length) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(batch.length);
      try {
        await upsertVotes(db, batch.map((p) => p.vote));
        batch.forEach((p) => p.resolve());
        opts.onBatch?.(batch.map((p) => p.vote));
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
