import { planSlideChange } from '../../domain/poll-lifecycle.js';
import type { Talks } from '../talks.js';
import type { ResultsFeed } from './results-feed.js';
import type { PollRows } from './rows.js';
import type { RunCache, RunPolls } from './run-cache.js';

/**
 * Polls follow the presenter: applies `planSlideChange` (close the left slide's on-leave poll,
 * create and open the reached slide's, put it on screen) to the run, then announces the result.
 */
export function createLifecycle(deps: { talks: Talks; cache: RunCache; rows: PollRows; feed: ResultsFeed }) {
  const { talks, cache, rows, feed } = deps;

  /**
   * `from` is the slide left, or null when nothing moved (a restart, a deck reload, a new run).
   * Resolves true when the run's polls changed in the database (peers must reload them).
   */
  return async function followSlide(slug: string, from: number | null): Promise<boolean> {
    const talk = talks.require(slug);
    const state = await cache.get(talk);
    const to = talk.run.currentSlide;
    const move = { from, to, left: from === null ? undefined : talk.deck.slides[from]?.poll, reached: talk.deck.slides[to]?.poll };
    const plan = planSlideChange(move, state);
    if (plan.close) await setStatus(state, plan.close, 'closed');
    let open = plan.open;
    if (plan.create) {
      await rows.ensure(state, slug, plan.create, to);
      // Another process may have created (and opened) it first: decide on the row as stored.
      open = planSlideChange(move, state).open;
    }
    if (open) await setStatus(state, open, 'open');
    if (plan.show !== undefined) await rows.activate(state, plan.show);
    if (plan.announce) await feed.announce(slug, state);
    return Boolean(plan.close || plan.create || open || plan.show !== undefined);
  };

  async function setStatus(state: RunPolls, key: string, status: 'open' | 'closed') {
    const row = state.rows.get(key);
    if (row) await rows.setStatus(state, row, status);
  }
}
