import type { Logger } from 'pino';
import type { Db } from '../../../db/client.js';
import { closePollAtDeadline, findPoll, setPollDeadline, type PollRow } from '../../../db/repo/index.js';
import { MAX_TIMER_SECONDS } from '../../../contract/limits.js';
import type { PollView } from '../../../contract/poll.js';
import { closeDelay } from '../../domain/countdown.js';
import { ErrorCode, LecternError } from '../../domain/errors.js';
import type { PeerBus } from '../peers.js';
import type { createSerialQueue } from '../serial.js';
import type { Talks } from '../talks.js';
import type { ResultsFeed } from './results-feed.js';
import type { RunCache } from './run-cache.js';
import { pollView } from './view.js';

export type TimerChange = { add: number } | { stop: true };

export interface CountdownDeps {
  db: Db;
  talks: Talks;
  cache: RunCache;
  feed: ResultsFeed;
  peers: PeerBus;
  serial: ReturnType<typeof createSerialQueue>;
  log: Logger;
  now?: () => number;
}

interface Scheduled {
  at: number;
  runId: number;
  key: string;
  timer: NodeJS.Timeout;
}

/**
 * Poll countdowns: one timer per open poll with a deadline, set whenever this process learns of one
 * (a poll it opened, a run's polls loaded — so a restart mid-countdown still closes on time). At the
 * deadline it closes the poll with a conditional UPDATE, so with several processes holding the same
 * timer exactly one closes it and tells everyone; the others re-read and follow the stored deadline.
 */
export function createCountdown(deps: CountdownDeps) {
  const { db, talks, cache, feed, peers, serial, log } = deps;
  const now = deps.now ?? Date.now;
  const scheduled = new Map<number, Scheduled>();
  let closed = false;

  function cancel(pollId: number) {
    const known = scheduled.get(pollId);
    if (known) clearTimeout(known.timer);
    scheduled.delete(pollId);
  }

  /** Keeps the poll's timer in step with the row: set, moved, or cleared. */
  function track(row: PollRow, retry = false) {
    if (closed) return;
    const known = scheduled.get(row.id);
    if (row.status !== 'open' || row.closesAt === null) return cancel(row.id);
    if (known?.at === row.closesAt && !retry) return;
    cancel(row.id);
    const timer = setTimeout(() => void fire(row.id), closeDelay(row.closesAt, now(), retry));
    // A countdown alone must not keep a stopping process alive; the server's listener does while it serves.
    timer.unref();
    scheduled.set(row.id, { at: row.closesAt, runId: row.runId, key: row.pollKey, timer });
  }

  async function fire(pollId: number) {
    const known = scheduled.get(pollId);
    scheduled.delete(pollId);
    const ref = cache.refOf(pollId);
    const talk = ref && talks.get(ref.slug);
    if (!known || !ref || !talk) return;
    const slug = ref.slug;
    try {
      await serial(slug, async () => {
        const done = await closePollAtDeadline(db, pollId);
        if (!done) {
          // Another process closed it, or the deadline moved (or this clock runs ahead of the database's).
          const fresh = await findPoll(db, known.runId, known.key);
          if (fresh) track(fresh, true);
          return;
        }
        const state = await cache.get(talk);
        if (state.runId === done.runId) cache.remember(state, slug, done);
        if (state.runId === done.runId && state.active === done.pollKey) await feed.announce(slug, state);
        feed.mark(done.id); // the final tally goes out after the close
        peers.publish({ type: 'polls', slug });
      });
    } catch (err) {
      // The database hiccuped: try again shortly rather than leave the poll open past its time.
      log.warn({ err: (err as Error).message, poll: known.key }, 'countdown close failed; retrying');
      if (!closed) {
        const timer = setTimeout(() => void fire(pollId), 1_000);
        timer.unref();
        scheduled.set(pollId, { ...known, timer });
      }
    }
  }

  return {
    track,

    /** A run's polls were (re)loaded: every open countdown among them gets its timer. */
    trackAll(rows: Iterable<PollRow>) {
      for (const row of rows) track(row);
    },

    /** `poll:timer`: add seconds to an open poll's countdown (starting one if none runs), or stop it. */
    async change(slug: string, key: string, change: TimerChange): Promise<PollView> {
      const talk = talks.require(slug);
      const state = await cache.get(talk);
      const row = state.rows.get(key);
      if (!row) throw new LecternError(ErrorCode.unknownPoll, `There is no poll "${key}" in this run yet.`);
      if (row.status !== 'open') throw new LecternError(ErrorCode.pollClosed, 'This poll is closed: open it before changing its countdown.');
      const updated = await setPollDeadline(db, row.id, 'stop' in change ? change : { add: change.add, maxSeconds: MAX_TIMER_SECONDS });
      if (!updated) {
        throw new LecternError(ErrorCode.timeUp, 'Time is already up for this poll: it is closing. Open it again to restart its countdown.');
      }
      cache.remember(state, slug, updated);
      track(updated);
      if (state.active === updated.pollKey) await feed.announce(slug, state);
      return pollView(updated);
    },

    /** Stops every timer (shutdown); the deadlines stay in the database for the next start. */
    close() {
      closed = true;
      for (const id of [...scheduled.keys()]) cancel(id);
    },
  };
}

export type Countdown = ReturnType<typeof createCountdown>;
