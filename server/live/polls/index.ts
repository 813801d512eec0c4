import type { Logger } from 'pino';
import type { Db } from '../../../db/client.js';
import type { PollRow } from '../../../db/repo/index.js';
import type { AnswerAction, PollSpec } from '../../../contract/poll.js';
import { screenAll } from '../../domain/text-filter.js';
import { screenedTexts } from '../../domain/poll-visibility.js';
import { createScreening, type ScreeningService } from '../screening.js';
import type { PeerBus } from '../peers.js';
import { createSerialQueue } from '../serial.js';
import type { Talks } from '../talks.js';
import { createTallies } from '../tallies.js';
import { createPollCommands } from './commands.js';
import { createCountdown, type TimerChange } from './countdown.js';
import { createDeckEdits } from './deck-edits.js';
import { createLifecycle } from './lifecycle.js';
import { createAnswerModeration, type AnswerTarget } from './moderation.js';
import { createResultsFeed } from './results-feed.js';
import { createPollRows } from './rows.js';
import { createRunCache } from './run-cache.js';
import { createPollSnapshot } from './snapshot.js';
import type { PollEvent } from './view.js';
import { createVotes } from './votes.js';

export { pollView, type PollEvent } from './view.js';

export type Polls = ReturnType<typeof createPolls>;

/**
 * Polls per run, composed from parts of one concern each: the run cache (run-cache, rows), the vote
 * path (votes), live results (results-feed), following the slide (lifecycle), deck edits, the
 * presenter's commands and the snapshot for a new socket. Every change runs in the talk's queue;
 * a change to a run's polls tells peer processes to reload them.
 */
export function createPolls(deps: { db: Db; talks: Talks; log: Logger; peers: PeerBus; screening?: ScreeningService; now?: () => number }) {
  const { db, talks, log, peers } = deps;
  const screening = deps.screening ?? createScreening();
  const serial = createSerialQueue();
  const listeners = new Set<(e: PollEvent) => void>();
  const emit = (e: PollEvent) => listeners.forEach((l) => l(e));
  // the countdowns (made below, once the results feed exists) follow every load and every open or close
  const cache = createRunCache({ db, serial, ...(deps.now ? { now: deps.now } : {}), onLoad: (rows) => countdown.trackAll(rows) });
  // Why the filter would hold an answer, for the moderator's list; remembered per answer (a held
  // word is listed on every refresh, and screening it is the costly part).
  const reasonsSeen = new Map<string, string[]>();
  const tallies = createTallies(db, 1_000, {
    reasonsFor(row) {
      const talk = talks.get(cache.refOf(row.id)?.slug ?? '');
      if (!talk) return () => [];
      const filter = screening.forDeck(talk.deck);
      return (answer) => {
        const key = `${talk.deck.slug}\u0000${JSON.stringify(answer)}`;
        let reasons = reasonsSeen.get(key);
        if (!reasons) {
          if (reasonsSeen.size >= 5_000) reasonsSeen.clear();
          reasons = screenAll(filter, screenedTexts(row.spec, answer)).reasons;
          reasonsSeen.set(key, reasons);
        }
        return reasons;
      };
    },
  });
  const rows = createPollRows(db, cache, (row) => countdown.track(row));
  const feed = createResultsFeed({
    async current(pollId) {
      const ref = cache.refOf(pollId);
      const talk = ref && talks.get(ref.slug);
      if (!ref || !talk) return undefined;
      const row = (await cache.get(talk)).rows.get(ref.key);
      return row?.id === pollId ? { slug: ref.slug, row } : undefined; // else a newer run replaced it
    },
    read: tallies.read,
    emit,
    log,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const countdown = createCountdown({ db, talks, cache, feed, peers, serial, log });
  const stale = (pollId: number) => {
    tallies.forget(pollId);
    feed.mark(pollId);
  };
  const votes = createVotes({ db, talks, cache, log, screening, onCommitted: stale });
  const answers = createAnswerModeration({ db, talks, cache, flushVotes: votes.flush, read: tallies.read, changed: stale });
  const followSlide = createLifecycle({ talks, cache, rows, feed });
  const applyDeckEdits = createDeckEdits({ db, talks, cache, log, flushVotes: votes.flush, changed: stale });
  const commands = createPollCommands({ db, talks, cache, rows, feed, emit, flushVotes: votes.flush, forgetTally: tallies.forget });
  const activePoll = createPollSnapshot({ db, talks, cache, log, recentReading: tallies.recentReading });

  /** Runs a change in the talk's queue, then tells peer processes to reload the talk's polls. */
  function mutate<T>(slug: string, fn: () => Promise<T>): Promise<T> {
    return serial(slug, async () => {
      try {
        return await fn();
      } finally {
        peers.publish({ type: 'polls', slug });
      }
    });
  }

  return {
    subscribe(listener: (e: PollEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** The presenter moved from slide `from` (null: nothing moved, re-evaluate). */
    onSlide: (slug: string, from: number | null) =>
      serial(slug, async () => {
        // Most moves change nothing about polls: then peers keep their cache (they hear of the slide anyway).
        let changed = true;
        try {
          changed = await followSlide(slug, from);
        } finally {
          if (changed) peers.publish({ type: 'polls', slug });
        }
      }),
    /** A peer process changed this talk's polls: reload them on next use (queued behind changes in progress). */
    invalidate: (slug: string) =>
      void serial(slug, async () => {
        cache.invalidate(slug);
        // read again at once, not on next use: a countdown a peer started gets its timer here too, so
        // it closes on time even if that peer dies (one small query per poll change or resync)
        const talk = talks.get(slug);
        if (talk) await cache.get(talk).catch((err: Error) => log.warn({ err: err.message, slug }, 'could not reload the polls a peer changed'));
      }),
    /** What a client sees of the active poll: results for staff, and for voters when visible. */
    active: activePoll,
    /** Validates and stores an answer; resolves only after it is committed. */
    vote: votes.cast,

    open: (slug: string, key: string) => mutate(slug, () => commands.open(slug, key)),
    close: (slug: string, key: string) => mutate(slug, () => commands.close(slug, key)),
    reveal: (slug: string, key: string, reveal: boolean) => mutate(slug, () => commands.reveal(slug, key, reveal)),
    reset: (slug: string, key: string) => mutate(slug, () => commands.reset(slug, key)),
    /** `quiz:reveal`: closes a quiz question if open and shows its right answer; `count` tells how many answers were right. */
    showCorrect: (slug: string, key: string, count: (row: PollRow) => Promise<number>) => mutate(slug, () => commands.showCorrect(slug, key, count)),
    /** `poll:timer`: adds time to an open poll's countdown (or starts one), or stops it. */
    timer: (slug: string, key: string, change: TimerChange) => mutate(slug, () => countdown.change(slug, key, change)),
    /** Asks an ad-hoc question in the current run; it opens at once and becomes the active poll. */
    create: (slug: string, spec: PollSpec) => mutate(slug, () => commands.create(slug, spec)),
    /** Approves (or unhides) or hides single answers; every view gets the new results. */
    moderateAnswers: (slug: string, key: string, action: AnswerAction, target: AnswerTarget) => answers.moderate(slug, key, action, target),
    /** A poll's held, hidden and latest shown answers, for a moderator. */
    answers: (slug: string, key: string) => answers.list(slug, key),

    /** The deck file changed: runs' polls take the edit where answers allow, then the poll on screen is announced again. */
    onDeckUpdated: (slug: string) =>
      mutate(slug, async () => {
        await applyDeckEdits(slug);
        await followSlide(slug, null);
      }),

    /** Forgets cached run state (a new run started) and re-evaluates the active poll. */
    onRunStarted: (slug: string) =>
      mutate(slug, async () => {
        cache.invalidate(slug);
        await followSlide(slug, null);
      }),

    /** Sends nothing more and waits for queued votes to commit. */
    async shutdown() {
      countdown.close();
      await votes.settle();
      feed.close();
      await votes.flush();
    },
  };
}
