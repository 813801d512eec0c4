import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { setRunSlide } from '../../db/repo/index.js';

/**
 * Writes a run's current slide, and when the database is away keeps retrying the latest value in
 * the background: slide sync must go on through a database restart, and the slide a talk is on
 * must land in the database once it is back.
 */
export function createSlideSaver(db: Db, log: Logger, retryMs = 1_000) {
  const pending = new Map<number, number>();
  let timer: NodeJS.Timeout | null = null;

  async function retry() {
    timer = null;
    for (const [runId, index] of [...pending]) {
      try {
        await setRunSlide(db, runId, index);
        if (pending.get(runId) === index) pending.delete(runId);
      } catch {
        break;
      }
    }
    if (pending.size) timer = setTimeout(() => void retry(), retryMs);
    else log.info('current slide saved again after a database outage');
  }

  return {
    /** Resolves true when saved now, false when saving was deferred until the database is back. */
    async save(runId: number, index: number): Promise<boolean> {
      pending.delete(runId);
      try {
        await setRunSlide(db, runId, index);
        return true;
      } catch (err) {
        log.warn({ err: (err as Error).message, runId }, 'could not save the current slide; retrying in the background');
        pending.set(runId, index);
        timer ??= setTimeout(() => void retry(), retryMs);
        return false;
      }
    },
    close() {
      if (timer) clearTimeout(timer);
    },
  };
}
