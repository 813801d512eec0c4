/** Audience questions and reactions as they cross the wire. */

/** Audience Q&A: `open` shows questions at once, `moderated` after the presenter approves, `off` hides Q&A. */
export const QA_MODES = ['open', 'moderated', 'off'] as const;
export type QaMode = (typeof QA_MODES)[number];

export const QUESTION_STATUSES = ['pending', 'approved', 'hidden'] as const;
export type QuestionStatus = (typeof QUESTION_STATUSES)[number];

/** Approve, hide, mark answered (or not), pin to the screen (or unpin). */
export const MODERATION_ACTIONS = ['approve', 'hide', 'answer', 'unanswer', 'pin', 'unpin'] as const;
export type ModerationAction = (typeof MODERATION_ACTIONS)[number];

/** The fixed set of reactions a phone can send, in the order the bar shows them. */
export const REACTION_KINDS = ['clap', 'heart', 'laugh', 'mindblown', 'thumbsup', 'lost'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** An audience question. Phones see approved ones (and their own pending ones, marked `mine`). */
export interface QuestionView {
  id: number;
  text: string;
  /** The name the asker gave, if any; anonymous otherwise. */
  name?: string;
  votes: number;
  status: QuestionStatus;
  answered: boolean;
  /** Shown on the screen; at most one per run. */
  pinned: boolean;
  at: number;
  /** The slide on screen when it was asked. */
  slide: number;
  mine?: boolean;
}

/** Q&A as a client first sees it. */
export interface QaState {
  mode: QaMode;
  questions: QuestionView[];
  /** Question ids this phone has upvoted. */
  upvoted: number[];
  /**
   * Set when `questions` is a page (the pinned one, this phone's own, the most upvoted and the
   * newest) rather than all: how many this client may see in all, and the `before` to pass to
   * `qa:page` for the older ones.
   */
  more?: { total: number; before: number };
}

/** An answer to `qa:page`: questions older than `before`, newest first; `before` again while older ones remain. */
export interface QaPage {
  questions: QuestionView[];
  before?: number;
}
