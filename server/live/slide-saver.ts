import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { moveRun, type SlideVisit } from '../../db/repo/index.js';

/** The step the run is on, and the furthest step shown per slide (see `moveRun`). */
export interface Builds {
  step: number;
  stepsShown: Record<string, number>;
}
const NO_BUILDS: Builds = { step: 0, stepsShown: {} };

interface Pending {
  index: number;
  visits: SlideVisit[];
  builds: Builds;
}

// Arrivals kept per run while the database is away; a longer outage forgets the oldest.
const MAX_PENDING_VISITS = 1_000;

/**
 * Saves each run's slide changes with one writer, so writes land in order (an older slide never
 * overwrites a newer one). Each write is one statement: the current slide and the arrivals since
 * the last write (see `moveRun`). When the database is away it keeps retrying in the background:
 * slide sync goes on through a database restart, and the slide lands once it is back.
 * `write` is the database write, replaceable in tests.
 */
export function createSlideSaver(db: Db, log: Logger, retryMs = 1_000, write: typeof moveRun = moveRun) {
  const latest = new Map<number, Pending>();
  let writing: Promise<void> | null = null;
  let retry: NodeJS.Timeout | null = null;
  let failing = false;

  async function drain() {
    while (latest.size) {
      const [runId, pending] = latest.entries().next().value as [number, Pending];
      const { index, builds } = pending;
      const visits = pending.visits.slice();
      try {
        await write(db, runId, index, visits, builds);
        pending.visits.splice(0, visits.length);
        if (pending.index === index && pending.builds === builds && !pending.visits.length) latest.delete(runId);
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
    /**
     * Queues the run's move to `index` (at `at`, epoch ms; an arrival on the slide unless only the
     * step moved) with its build state; resolves when this batch of writes is done (saved or deferred).
     */
    save(runId: number, index: number, at: number = Date.now(), builds: Builds = NO_BUILDS, arrived = true): Promise<void> {
      const pending = latest.get(runId) ?? { index, visits: [], builds };
      pending.index = index;
      pending.builds = builds;
      if (arrived) pending.visits.push({ slide: index, at });
      if (pending.visits.length > MAX_PENDING_VISITS) pending.visits.shift();
      latest.set(runId, pending);
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
