import type { Logger } from 'pino';
import type { PeerBus } from './peers.js';
import type { Polls } from './polls/index.js';
import type { Talks } from './talks.js';

/**
 * Polls follow the talk (reaching a slide opens its poll; a new run starts fresh polls), and the
 * other processes hear what changed so they serve the same state. Returns the stop function.
 */
export function followTalks(deps: { talks: Talks; polls: Polls; peers: PeerBus; log: Logger; onSlideChanged?: (slug: string) => void }) {
  const { talks, polls, peers, log } = deps;
  /** The poll every phone shows, closed if it is open (the talk ended). */
  async function closeActivePoll(slug: string) {
    const { poll } = await polls.active(slug, { role: 'presenter' });
    if (poll?.status === 'open') await polls.close(slug, poll.id);
  }
  const stopLocal = talks.subscribe((e) => {
    if (e.type === 'slide:changed') {
      deps.onSlideChanged?.(e.slug);
      peers.publish({ type: 'slide', slug: e.slug, runId: talks.require(e.slug).run.id, slide: e.change.index, step: e.change.step ?? 0 });
      // a step within the slide: its poll is where it was
      if (!e.arrived) return;
    } else if (e.type === 'run:started') {
      peers.publish({ type: 'run', slug: e.slug });
    } else if (e.type === 'run:ended') {
      // peers re-read the run (now ended); the poll on screen closes, as the talk is over
      peers.publish({ type: 'run', slug: e.slug });
      return closeActivePoll(e.slug).catch((err) => log.error({ err, slug: e.slug }, 'the open poll could not be closed at the end of the talk'));
    }
    const done = e.type === 'slide:changed' ? polls.onSlide(e.slug, e.from) : e.type === 'run:started' ? polls.onRunStarted(e.slug) : polls.onDeckUpdated(e.slug);
    return done.catch((err) => log.error({ err, slug: e.slug }, 'poll state could not follow the talk'));
  });
  const stopRemote = peers.subscribe((m) => {
    // A peer may serve a deck this process does not (a rolling deploy): ignore what is not ours.
    if (m.type === 'audience' || m.type === 'sessions-revoked' || m.type === 'quiz' || !talks.get(m.slug)) return;
    if (m.type === 'slide') talks.applyRemoteSlide(m.slug, m.runId, m.slide, m.step ?? 0);
    else if (m.type === 'run') {
      talks
        .reloadRun(m.slug)
        .then(() => polls.invalidate(m.slug))
        .catch((err: Error) => log.warn({ err: err.message, slug: m.slug }, 'could not follow a new run from a peer'));
    } else polls.invalidate(m.slug);
  });
  return () => (stopLocal(), stopRemote());
}
