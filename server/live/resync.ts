import type { Logger } from 'pino';
import type { Polls } from './polls/index.js';
import type { Talks } from './talks.js';

/**
 * Peer messages can be lost (the Postgres adapter drops NOTIFYs while its connection is down), so
 * every few seconds each process re-reads the runs and polls it serves from the database, and
 * `resendSlide` tells its own clients when the slide moved without them hearing of it.
 * Returns the stop function.
 */
export function resyncWithPeers(deps: { talks: Talks; polls: Polls; resendSlide: (slug: string) => void; log: Logger }, everyMs = 5_000) {
  const { talks, polls, log } = deps;
  const timer = setInterval(() => {
    for (const { deck } of talks.list()) {
      talks
        .reloadRun(deck.slug)
        .then(({ slideChanged }) => {
          polls.invalidate(deck.slug);
          if (slideChanged) deps.resendSlide(deck.slug);
        })
        .catch((err: Error) => log.debug({ err: err.message }, 'resync skipped'));
    }
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
