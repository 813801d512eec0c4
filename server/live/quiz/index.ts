import type { Logger } from 'pino';
import type { Db } from '../../../db/client.js';
import type { QuizStanding } from '../../../contract/quiz.js';
import type { PeerBus } from '../peers.js';
import type { Polls } from '../polls/index.js';
import type { ScreeningService } from '../screening.js';
import type { Talks } from '../talks.js';
import { createKeyedThrottle } from '../throttle.js';
import { createQuizCommands } from './commands.js';
import { computeStanding, createStandingCache, meOf, type RunStanding } from './standings.js';

export { meOf, type RunStanding } from './standings.js';

/** A run's standing changed: this process tells its own sockets (peers hear it and tell theirs). */
export interface StandingEvent {
  slug: string;
  standing: RunStanding;
}

export type Quiz = ReturnType<typeof createQuiz>;

/** How often renames reach the room at most, per talk: a room naming itself at once is one broadcast, not hundreds. */
const RENAME_BROADCAST_MS = 500;

/**
 * The run's quiz: the presenter's reveal, the phones' nicknames, and the standing (computed from
 * the stored answers, cached per run, recomputed on a reveal, a reset, a rename or a new run).
 * Another process hears of a change over the peer bus and recomputes for its own sockets.
 */
export function createQuiz(deps: { db: Db; talks: Talks; polls: Polls; peers: PeerBus; screening: ScreeningService; log: Logger }) {
  const { db, talks, polls, peers, log } = deps;
  const cache = createStandingCache(db);
  const listeners = new Set<(e: StandingEvent) => void>();
  const emit = (e: StandingEvent) => listeners.forEach((l) => l(e));

  /** Recomputes the talk's standing and tells this process's sockets; `publish`: and the peers. */
  async function refresh(slug: string, publish: boolean) {
    const talk = talks.get(slug);
    if (!talk) return;
    cache.invalidate(slug);
    const standing = await cache.get(talk);
    emit({ slug, standing });
    if (publish) peers.publish({ type: 'quiz', slug });
  }
  const report = (slug: string) => (err: Error) => log.warn({ err: err.message, slug }, 'quiz standing not updated');

  const commands = createQuizCommands({
    db,
    talks,
    polls,
    screening: deps.screening,
    recompute: async (talk) => {
      cache.invalidate(talk.deck.slug);
      return cache.get(talk);
    },
  });
  const recomputeSoon = createKeyedThrottle((slug) => refresh(slug, true).catch(report(slug)), RENAME_BROADCAST_MS);

  const stopPolls = polls.subscribe((e) => {
    // a reset quiz question is unanswered again: its points go
    if (e.type === 'poll:reset' && e.poll.quiz) void refresh(e.slug, true).catch(report(e.slug));
    // A shown question takes no more answers, so new results mean a moderator hid or approved one:
    // its points go or come back (grouped like renames).
    else if (e.type === 'poll:results' && e.poll.correct) recomputeSoon.mark(e.slug);
  });
  const stopTalks = talks.subscribe((e) => {
    if (e.type === 'run:started') return refresh(e.slug, false).catch(report(e.slug));
    if (e.type === 'deck:updated') cache.invalidate(e.slug); // questions may have come or gone
  });
  const stopPeers = peers.subscribe((m) => {
    if (m.type === 'quiz' && talks.get(m.slug)) void refresh(m.slug, false).catch(report(m.slug));
    else if ((m.type === 'polls' || m.type === 'run') && talks.get(m.slug)) cache.invalidate(m.slug);
  });

  return {
    subscribe(listener: (e: StandingEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** `quiz:reveal`: closes the question, shows its right answer, scores it; everyone gets the new standing. */
    async reveal(slug: string, key: string) {
      const { view, standing } = await commands.reveal(slug, key);
      emit({ slug, standing });
      peers.publish({ type: 'quiz', slug });
      return view;
    },
    /** `quiz:nickname`: the phone's name on the leaderboard; the room hears it within half a second. */
    async nickname(slug: string, voter: string, name: string) {
      const named = await commands.nickname(slug, voter, name);
      recomputeSoon.mark(slug);
      return named;
    },
    /** What a (late) joining socket gets in its state: undefined when the deck and run have no quiz question. */
    async stateFor(slug: string, voter: string | undefined): Promise<QuizStanding | undefined> {
      const { standing, byVoter } = await cache.get(talks.require(slug));
      if (!standing.questions) return undefined;
      const me = voter ? byVoter.get(voter) : undefined;
      return me ? { ...standing, me: meOf(me) } : standing;
    },
    /** The run's standing as cached (results read their own). */
    standing: (slug: string) => cache.get(talks.require(slug)),
    close() {
      recomputeSoon.close();
      stopPolls();
      stopTalks();
      stopPeers();
    },
  };
}

export { computeStanding };
