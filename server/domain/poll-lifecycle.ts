/** What following the presenter does to a run's polls: a pure rule, applied by live/polls/lifecycle.ts. */
import type { PollSpec, PollStatus } from '../../contract/poll.js';

/** What the rule needs to know of a poll the run already has. */
export interface PollFacts {
  status: PollStatus;
  /** null while it has never been open. */
  openedAt: number | null;
  /** null for an ad-hoc poll. */
  slideIndex: number | null;
  /** A quiz question whose right answer was shown: it never reopens by itself (answers could follow the answer). */
  correctShownAt?: number | null;
}

export interface SlideMove {
  /** The slide left; null when nothing moved (a restart, a deck reload, a new run). */
  from: number | null;
  /** The slide now current. */
  to: number;
  /** The poll of slide `from`, if it has one. */
  left?: PollSpec | undefined;
  /** The poll of slide `to`, if it has one. */
  reached?: PollSpec | undefined;
}

export interface RunPollsFacts {
  rows: ReadonlyMap<string, PollFacts>;
  /** The poll on screen before the move. */
  active: string | null;
}

/** Decisions, applied in this order: close, create, open, show, announce. */
export interface SlidePlan {
  /** The left slide's on-leave poll, to close. */
  close: string | null;
  /** The reached slide's poll, to create (closed) because the run does not have it yet. */
  create: PollSpec | null;
  /** The reached slide's poll, to open. */
  open: string | null;
  /** The poll to put on screen (null: none); undefined leaves the screen as it is. */
  show: string | null | undefined;
  /** Whether phones must hear of the poll on screen again (it, or its status, changed). */
  announce: boolean;
}

const newRow = (slide: number): PollFacts => ({ status: 'closed', openedAt: null, slideIndex: slide });

/**
 * Reaching a slide creates its poll and puts it on screen; an auto poll opens the first time its
 * slide is reached, and an on-leave poll reopens on every return and closes when the slide is left.
 * Without a move (`from` null or the same slide) nothing reopens, and an open ad-hoc poll keeps the
 * screen. Most slides have no poll: moving between two of them announces nothing.
 */
export function planSlideChange(move: SlideMove, run: RunPollsFacts): SlidePlan {
  const { from, to, left, reached } = move;
  const moved = from !== null && from !== to;
  const after = new Map(run.rows);
  const shown = run.active === null ? undefined : run.rows.get(run.active);
  const adhocOpen = shown?.slideIndex === null && shown.status === 'open';

  let close: string | null = null;
  if (moved && left?.close === 'on-leave' && after.get(left.id)?.status === 'open') {
    close = left.id;
    after.set(left.id, { ...after.get(left.id)!, status: 'closed' });
  }

  let create: PollSpec | null = null;
  let open: string | null = null;
  let target: string | null | undefined;
  if (reached) {
    let row = after.get(reached.id);
    if (!row) {
      create = reached;
      row = newRow(to);
      after.set(reached.id, row);
    }
    const answerShown = row.correctShownAt !== undefined && row.correctShownAt !== null;
    const opens = reached.open === 'auto' && !answerShown && (row.openedAt === null || (moved && reached.close === 'on-leave'));
    if (opens && row.status !== 'open') {
      open = reached.id;
      after.set(reached.id, { ...row, status: 'open' });
    }
    if (moved || !adhocOpen) target = reached.id;
  } else if (!adhocOpen) {
    target = null;
  }
  const show = target !== undefined && target !== run.active ? target : undefined;
  const activeAfter = show === undefined ? run.active : show;
  const announce = from === null || onScreen(run.active, run.rows) !== onScreen(activeAfter, after);
  return { close, create, open, show, announce };
}

function onScreen(key: string | null, rows: ReadonlyMap<string, PollFacts>): string {
  const row = key === null ? undefined : rows.get(key);
  return row ? `${key}:${row.status}` : '';
}
