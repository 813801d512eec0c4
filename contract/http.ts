/** API response types shared with the pages: `/api/talks`, a talk's slides, its results. No Node imports. */
import type { RunInfo, TalkInfo } from './events.js';
import type { PollResults, PollView } from './poll.js';
import type { QaMode, QuestionView } from './qa.js';
import type { QuizResults } from './quiz.js';
import type { SlideLayout } from './theme.js';

/** One row of `GET /api/talks`. */
export interface TalkSummary {
  slug: string;
  title: string;
  slideCount: number;
  current: number;
  /** A deck file that could not be loaded: what is wrong with it (its title is the file name, its slug empty). */
  broken?: string;
}

/** A slide as the server rendered it; `notes` only reaches the presenter. */
export interface SlideBackground {
  color?: string;
  image?: string;
  /** The text colour on it. */
  text?: string;
}

export interface SlideChrome {
  header?: string;
  footer?: string;
  /** The number to show (its label, or its position). */
  page?: string;
}

export interface SlideData {
  index: number;
  title: string;
  html: string;
  notes?: string;
  /** A title or section slide (the theme's large, centred style); absent for an ordinary one. */
  layout?: SlideLayout;
  /**
   * The slide's own colours (`<!-- background: … -->`, Marp's `backgroundColor`/`color`): a CSS
   * colour or an image URL on this server behind it, and its text colour. Fitted views only.
   */
  background?: SlideBackground;
  /** How the slide is numbered when not by its position: `4.1`, reveal.js's first vertical slide under 4. */
  label?: string;
  /** A line at the top and at the bottom, and the page number in a corner (Marp, Deckset), as HTML. Fitted views only. */
  chrome?: SlideChrome;
  /** Classes for the deck's own stylesheet (`<!-- class: lead -->`). */
  className?: string;
  /** A slide that builds: the furthest step this copy holds (later steps are not in `html`). */
  upTo?: number;
  /** Presenter only: how many build steps the slide has after its first view. */
  steps?: number;
  /** Not shown yet in this run: no title, no content, until the presenter gets there. */
  hidden?: true;
  /** The slide holds a ```leaderboard block: the views show the run's quiz podium, this many players. */
  leaderboard?: { top: number; title?: string };
  /** Presenter only: the seconds the deck plans for this slide (`<!-- time: 2m -->`), for the pace indicator. */
  time?: number;
}

/** `GET /api/talks/:slug`: the talk and all its slides. */
export interface TalkDetails extends TalkInfo {
  current: number;
  run: RunInfo;
  slides: SlideData[];
  /** Whether the audience may ask questions, and whether the presenter approves them first. */
  qa: QaMode;
  /** The server's PUBLIC_URL, when it has one: where phones join (QR code, short address). */
  publicUrl?: string;
  /** Presenter only: what the deck's tool has that Lectern does not show, with the file's line. */
  dropped?: { line: number; what: string }[];
  /** Presenter only: the talk's planned length in seconds (front matter `duration:`), for the countdown and pace. */
  duration?: number;
}

/**
 * `GET /api/talks/:slug/handout?run=N`: what a run showed, to take home. Open to everyone once the
 * run ended (at once with `preview: all`); before that only to the presenter (a preview).
 */
export interface Handout {
  talk: TalkInfo;
  run: RunInfo;
  /** The room may read it now (the run ended, or the deck says `preview: all`); false only in the presenter's preview. */
  open: boolean;
  /** The deck says `handout: notes`: every slide carries its speaker notes. */
  notes: boolean;
  /** The slides the run showed (every slide with `preview: all`), in deck order, each build whole. */
  slides: SlideData[];
  /** The polls of those slides with the run's results, as the results page reads them (no answer list). */
  polls: PollResultsExport[];
}

/** One slide of a run's engagement timeline. */
export interface SlideEngagement {
  slide: number;
  seconds: number;
  reactions: Partial<Record<string, number>>;
  answers: number;
  questions: number;
}

export interface PollResultsExport extends PollView {
  closedAt: number | null;
  /** null when the results are still hidden and the request did not carry the presenter key. */
  results: PollResults | null;
  /** How many answers count (shown even while the results are hidden); held and hidden ones do not. */
  total: number;
  /**
   * Every answer in arrival order, without who gave it (empty while hidden to this reader). Without
   * the key only shown answers; with it, held and hidden ones too, marked by `status`.
   */
  answers: { answer: unknown; at: number; status?: 'held' | 'hidden' }[];
  /**
   * Set when `answers` holds only the first page (`?limit=`, default 200): the cursor for
   * `GET /api/talks/:slug/results/answers?run=&poll=&cursor=` to go on from.
   */
  answersNext?: string;
}

export interface RunResults {
  id: number;
  number: number;
  startedAt: number;
  endedAt: number | null;
  polls: PollResultsExport[];
  /** Questions without who asked: approved ones, or every one (pending and hidden marked) for the presenter. */
  questions: QuestionView[];
  reactions: { slide: number; kind: string; count: number }[];
  /** Per slide: time spent, reactions, answers, questions — "where did we lose the room?" */
  timeline: (SlideEngagement & { title: string })[];
  /** The run's quiz: players best first, and each question shown (absent when the run had none). */
  quiz?: QuizResults;
}

export interface TalkResults {
  slug: string;
  title: string;
  runs: RunResults[];
}

/** `GET /api/talks/:slug/results/answers`: one page of a poll's answers, in arrival order. */
export interface AnswerPage {
  answers: PollResultsExport['answers'];
  /** The cursor for the next page, while answers remain. */
  next?: string;
}

/**
 * `POST /api/talks/:slug/voter`: makes sure this phone has a voter id (in the HTTP-only
 * `lectern_voter` cookie). `issued`: a new one was set; `kept`: the cookie already held a valid one.
 */
export interface VoterIssued {
  voter: 'issued' | 'kept';
}
