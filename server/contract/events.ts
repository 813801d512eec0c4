/**
 * The realtime contract shared by server and client. No Node imports: the browser bundles this file.
 * Commands are imperative (`slide:goto`), facts past tense (`slide:changed`).
 */
import type { PollType } from '../deck/types.js';
import type { Answer, PollResults } from '../domain/poll.js';
import type { ErrorCode } from '../domain/errors.js';

export type { Answer, PollResults, PollType };

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
}

export interface RunInfo {
  id: number;
  /** 1 for the first delivery of the talk, 2 for the next … */
  number: number;
  startedAt: number;
}

/** A poll as every view shows it. `id` is the stable id from the deck (or the ad-hoc id). */
export interface PollView {
  id: string;
  question: string;
  type: PollType;
  options?: string[];
  max?: number;
  scaleMin?: number;
  scaleMax?: number;
  labels?: [string, string];
  status: 'open' | 'closed';
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

/** Everything a client needs to be in sync, sent on connect and on request. */
export interface TalkState {
  protocol: number;
  role: Role;
  talk: TalkInfo;
  run: RunInfo;
  slide: number;
  audience: number;
  active: ActivePoll;
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
