/**
 * The realtime contract shared by server and client. No Node imports: the browser bundles this file.
 * Commands are imperative (`slide:goto`), facts past tense (`slide:changed`).
 */
import type { PollSpec, PollType } from '../deck/types.js';
import type { Answer, PollResults } from '../domain/poll.js';
import type { ModerationAction, QaMode, ReactionKind } from '../domain/qa.js';
import type { ErrorCode } from '../domain/errors.js';

export type { Answer, ModerationAction, PollResults, PollType, QaMode, ReactionKind };

/** Bumped when a change would break an older client. */
export const PROTOCOL_VERSION = 1;

export const Role = { presenter: 'presenter', screen: 'screen', audience: 'audience' } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** What a client sends in `io(origin, { auth })`. */
export interface HandshakeAuth {
  talk: string;
  /** The presenter key; a socket that carries the right one is the presenter. */
  key?: string;
  /** `screen` for the projector view; anything else without a key is audience. */
  role?: 'screen' | 'audience';
  /** A random id the phone keeps (localStorage); one answer per voter per poll. */
  voter?: string;
}

export interface Ok<T> {
  ok: true;
  data: T;
}
export interface Err {
  ok: false;
  error: { code: ErrorCode | (string & {}); message: string };
}
export type Ack<T> = Ok<T> | Err;
export type AckFn<T> = (res: Ack<T>) => void;

export interface TalkInfo {
  slug: string;
  title: string;
  slideCount: number;
  /** Changes whenever the deck file's content changes; clients refetch slides when it does. */
  hash: string;
  theme?: 'light' | 'dark';
  accent?: string;
  /** Audience Q&A mode from the deck's front matter. */
  qa: QaMode;
}

export interface RunInfo {
  id: number;
  /** 1 for the first delivery of the talk, 2 for the next … */
  number: number;
  startedAt: number;
}

/** A poll as every view shows it: its shape from the deck, plus live state. `id` is the stable id (or the ad-hoc id). */
export interface PollView extends Pick<PollSpec, 'id' | 'question' | 'type' | 'options' | 'max' | 'scaleMin' | 'scaleMax' | 'labels'> {
  status: 'open' | 'closed';
  /** When it last opened; null while it has never been open ("voting has not started"). */
  openedAt: number | null;
  resultsHidden: boolean;
  /** The slide it belongs to; null for an ad-hoc poll. */
  slide: number | null;
}

/** The poll on screen now, with what this client may see of it. */
export interface ActivePoll {
  poll: PollView | null;
  /** Present for presenter and screen, and for a phone that answered while results are visible. */
  results?: PollResults;
  /** This phone's stored answer, when it has one. */
  myAnswer?: Answer;
}

/** An audience question. Phones see approved ones (and their own pending ones, marked `mine`). */
export interface QuestionView {
  id: number;
  text: string;
  /** The name the asker gave, if any; anonymous otherwise. */
  name?: string;
  votes: number;
  status: 'pending' | 'approved' | 'hidden';
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
}

/** Everything a client needs to be in sync, sent on connect and on request. */
export interface TalkState {
  protocol: number;
  role: Role;
  talk: TalkInfo;
  run: RunInfo;
  slide: number;
  audience: number;
  active: ActivePoll;
  qa: QaState;
  /** Presenter and screen: reaction taps so far in this run, per slide. */
  reactions?: { slide: number; counts: Partial<Record<ReactionKind, number>> }[];
  /**
   * Presenter only: a presenter session, usable wherever the key is (`auth.key`, `Authorization:
   * Bearer`). Unlike the key it is never locked out after wrong guesses from the same address, so
   * clients use it for reconnects and keep it instead of the key.
   */
  session?: string;
  /** Server time in ms when this state was read. */
  at: number;
}

export interface SlideChanged {
  index: number;
  at: number;
}

export interface ServerToClientEvents {
  state: (state: TalkState) => void;
  'slide:changed': (e: SlideChanged) => void;
  audience: (e: { count: number }) => void;
  /** The deck file changed on disk; refetch slides (the current slide index is kept, clamped). */
  'deck:updated': (e: { talk: TalkInfo; slide: number }) => void;
  'run:started': (e: { run: RunInfo; slide: number }) => void;
  /** The poll on screen changed, opened, closed, or its results were revealed or hidden. */
  'poll:active': (e: ActivePoll) => void;
  /** Live results, at most a few per second per poll; the final tally always follows the last vote. */
  'poll:results': (e: { poll: string; results: PollResults }) => void;
  /** The presenter deleted the poll's answers: phones forget theirs and may answer again. */
  'poll:reset': (e: { poll: string }) => void;
  /** Questions asked, upvoted or moderated (merge by id); `removed` ones are no longer shown to this client. */
  'questions:changed': (e: { questions: QuestionView[]; removed?: number[] }) => void;
  /** Reaction taps of the last half second on a slide, added up (presenter and screen). */
  reactions: (e: { slide: number; counts: Partial<Record<ReactionKind, number>> }) => void;
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
  results?: 'visible' | 'hidden';
}

export interface ClientToServerEvents {
  'slide:goto': (payload: { index: number }, ack: AckFn<SlideChanged>) => void;
  'slide:next': (ack: AckFn<SlideChanged>) => void;
  'slide:prev': (ack: AckFn<SlideChanged>) => void;
  /** Give the talk again: a new run starting at slide 0; earlier runs keep their data. */
  'run:start': (ack: AckFn<{ run: RunInfo; slide: number }>) => void;
  /** Ask for a fresh `state` (after a reconnect, or when in doubt). */
  'state:get': (ack: AckFn<TalkState>) => void;
  /** Answer the poll; acknowledged only once the answer is committed. */
  'vote:cast': (payload: { poll: string; answer: Answer }, ack: AckFn<{ poll: string; answer: Answer }>) => void;
  'poll:open': (payload: PollRef, ack: AckFn<PollView>) => void;
  'poll:close': (payload: PollRef, ack: AckFn<PollView>) => void;
  /** Show (`reveal: true`) or hide the results to the audience. */
  'poll:reveal': (payload: PollRef & { reveal: boolean }, ack: AckFn<PollView>) => void;
  /** Deletes the poll's answers in this run. */
  'poll:reset': (payload: PollRef, ack: AckFn<PollView>) => void;
  /** Asks an ad-hoc question: it opens at once and shows on every phone. */
  'poll:create': (payload: NewPollInput, ack: AckFn<PollView>) => void;
  /** Ask a question (at most 280 characters; `name` optional, anonymous by default). */
  'question:ask': (payload: { text: string; name?: string }, ack: AckFn<QuestionView>) => void;
  /** Upvote (`up: true`) or withdraw the upvote; one per phone per question. */
  'question:upvote': (payload: { id: number; up: boolean }, ack: AckFn<{ id: number; votes: number; up: boolean }>) => void;
  /** Presenter: approve, hide, mark answered (or not), pin to the screen (or unpin). */
  'question:moderate': (payload: { id: number; action: ModerationAction }, ack: AckFn<QuestionView>) => void;
  /** A reaction tap; the screen shows them in bursts. */
  'reaction:send': (payload: { kind: ReactionKind }, ack: AckFn<{ kind: ReactionKind }>) => void;
}

/** Between Lectern processes sharing a deployment (see server/live/peers.ts). */
export interface InterServerEvents {
  peer: (message: import('../live/peers.js').PeerMessage) => void;
}

export interface SocketData {
  role: Role;
  talk: string;
  voter?: string;
}
