import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { setRunSlide } from '../../db/repo/index.js';

/**
 * Saves each run's current slide with one writer, so writes land in order (an older slide never
 * overwrites a newer one). When the database is away it keeps retrying the latest value in the
 * background: slide sync goes on through a database restart, and the slide lands once it is back.
 * `write` is the database write, replaceable in tests.
 */
export function createSlideSaver(db: Db, log: Logger, retryMs = 1_000, write: typeof setRunSlide = setRunSlide) {
  const latest = new Map<number, number>();
  let writing: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let failing = false;

  async function drain() {
    while (latest.size) {
      const [runId, index] = latest.entries().next().value as [number, number];
      try {
        await write(db, runId, index);
        if (latest.get(runId) === index) latest.delete(runId);
        if (failing) log.info('current slide saved again after a database outage');
        failing = false;
      } catch (err) {
        if (!failing) log.warn({ err: (err as Error).message, runId }, 'could not save the current slide; retrying in the background');
        failing = true;
        retry ??= setTimeout(() => {
          retry = null;
          writing ??= drain();
        }, retryMs);
        break;
      }
    }
    writing = null;
  }

  return {
    /** Queues the run's slide for saving; resolves when this batch of writes is done (saved or deferred). */
    save(runId: number, index: number): Promise<void> {
      latest.set(runId, index);
      writing ??= drain();
      return writing;
    },
    /** True while a slide of this run waits to be written. */
    isPending: (runId: number) => latest.has(runId),
    /** Waits for queued writes (shutdown); a value still failing stays unsaved. */
    async flush() {
      while (writing) await writing;
    },
    close() {
      if (retry) clearTimeout(retry);
    },
  };
}
