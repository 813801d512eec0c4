/** Polls as they cross the wire: the spec from the deck, answers, results and the live view. */

export const PollType = {
  single: 'single',
  multiple: 'multiple',
  words: 'words',
  scale: 'scale',
  text: 'text',
} as const;
export type PollType = (typeof PollType)[keyof typeof PollType];
export const POLL_TYPES = Object.values(PollType) as [PollType, ...PollType[]];

/** Whether the audience sees results as they come in, or only once the presenter reveals them. */
export const RESULTS_VISIBILITY = ['visible', 'hidden'] as const;
export type ResultsVisibility = (typeof RESULTS_VISIBILITY)[number];
/** `auto` opens on reaching the slide; `manual` waits for the presenter. */
export const POLL_OPENINGS = ['auto', 'manual'] as const;
/** `on-leave` closes when the presenter leaves the slide. */
export const POLL_CLOSINGS = ['manual', 'on-leave'] as const;
export const POLL_STATUSES = ['open', 'closed'] as const;
/** `pre`: every answer waits for a moderator before it counts; `post` (the default): shown at once, hideable. */
export const POLL_MODERATIONS = ['pre', 'post'] as const;
export type PollModeration = (typeof POLL_MODERATIONS)[number];

/**
 * A stored answer's standing: `visible` counts on the screen and in the results; `held` waits for a
 * moderator (the filter flagged it, or the poll is pre-moderated); `hidden` was taken off by one.
 */
export const ANSWER_STATUSES = ['visible', 'held', 'hidden'] as const;
export type AnswerStatus = (typeof ANSWER_STATUSES)[number];
/** What a presenter or moderator does to single answers: `approve` (also unhides) or `hide`. */
export const ANSWER_ACTIONS = ['approve', 'hide'] as const;
export type AnswerAction = (typeof ANSWER_ACTIONS)[number];
export type PollStatus = (typeof POLL_STATUSES)[number];

/** A poll as written in a ```poll block (issue 3), normalised with defaults applied. */
export interface PollSpec {
  /** Stable id: given in the block, or derived from the question. */
  id: string;
  question: string;
  type: PollType;
  /** single / multiple: the choices, in order. */
  options?: string[];
  /** multiple: most choices per answer; words: most words per answer (default 3). */
  max?: number;
  /** scale: the range (default 1–5) and optional end labels. */
  scaleMin?: number;
  scaleMax?: number;
  labels?: [string, string];
  /** `auto` opens on reaching the slide; `manual` waits for the presenter. */
  open: (typeof POLL_OPENINGS)[number];
  /** `on-leave` closes when the presenter leaves the slide. */
  close: (typeof POLL_CLOSINGS)[number];
  results: ResultsVisibility;
  /** `pre`: answers wait for approval; absent means shown at once. */
  moderation?: 'pre';
  /**
   * single / multiple: the right options, which make the poll a quiz question. Never sent to a
   * client before the presenter shows the answer (`PollView.correct`).
   */
  correct?: string[];
  /** A quiz question: points for a right answer given at once (default DEFAULT_QUIZ_POINTS). */
  points?: number;
  /** Seconds the poll stays open once opened (`timer: 30s`); it closes itself at zero, by the server's clock. */
  timer?: number;
}

/** An answer as stored: option labels for choices, words as typed, a number for scales. */
export type Answer = string | string[] | number;

export type PollResults =
  | { type: 'single' | 'multiple'; total: number; options: string[]; counts: number[] }
  | { type: 'words'; total: number; words: { word: string; count: number }[] }
  | { type: 'scale'; total: number; min: number; max: number; histogram: number[]; mean: number | null }
  | { type: 'text'; total: number; answers: { text: string; at: number }[] };

/** A poll as every view shows it: its shape from the deck, plus live state. `id` is the stable id (or the ad-hoc id). */
export interface PollView extends Pick<PollSpec, 'id' | 'question' | 'type' | 'options' | 'max' | 'scaleMin' | 'scaleMax' | 'labels'> {
  status: PollStatus;
  /** When it last opened; null while it has never been open ("voting has not started"). */
  openedAt: number | null;
  resultsHidden: boolean;
  /** The slide it belongs to; null for an ad-hoc poll. */
  slide: number | null;
  /** A quiz question (the deck gave `correct:`); which options are right stays on the server until shown. */
  quiz?: boolean;
  /** A quiz question's points for a right answer given at once. */
  points?: number;
  /** The countdown the deck gave, in seconds (`timer:`). */
  timer?: number;
  /**
   * While open with a countdown running: when it closes, in the server's clock (ms since epoch;
   * clients correct by the offset they read from `TalkState.at`). Absent or null: no countdown running.
   */
  closesAt?: number | null;
  /** A quiz question whose answer the presenter showed: the right options … */
  correct?: string[];
  /** … and how many answers (that count) were right. */
  rightCount?: number;
}

/** The poll on screen now, with what this client may see of it. */
export interface ActivePoll {
  poll: PollView | null;
  /** Present for presenter and screen, and for a phone that answered while results are visible. */
  results?: PollResults;
  /** This phone's stored answer, when it has one. */
  myAnswer?: Answer;
  /** This phone's answer waits for a moderator (it does not count yet). */
  myAnswerHeld?: boolean;
  /** Presenter and moderators: answers held, hidden and the latest shown, to approve or hide. */
  moderation?: AnswerModeration;
}

/** One stored answer as a moderator sees it; the voter stays unknown. */
export interface ModeratedAnswer {
  id: number;
  answer: Answer;
  status: AnswerStatus;
  at: number;
  /** Why the filter held it (`profanity: …`, `blocklist: …`). */
  reasons?: string[];
}

/** A poll's answers for moderation: every held one (oldest first), the hidden and the latest shown. */
export interface AnswerModeration {
  poll: string;
  held: ModeratedAnswer[];
  hidden: ModeratedAnswer[];
  shown: ModeratedAnswer[];
  /** How many are held and hidden in all (the lists are capped). */
  heldCount: number;
  hiddenCount: number;
}

export interface PollRef {
  poll: string;
}

/** What the presenter sends to ask an ad-hoc question. */
export interface NewPollInput {
  question: string;
  type?: PollType;
  options?: string[];
  max?: number;
  min?: number;
  labels?: [string, string];
  results?: ResultsVisibility;
  moderation?: PollModeration;
  /** A countdown in seconds (MIN_TIMER_SECONDS … MAX_TIMER_SECONDS): the poll closes itself at zero. */
  timer?: number;
}
