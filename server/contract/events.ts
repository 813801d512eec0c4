/**
 * The realtime contract shared by server and client. No Node imports: the browser bundles this file.
 * Commands are imperative (`slide:goto`), facts past tense (`slide:changed`).
 */
import type { ErrorCode } from '../domain/errors.js';

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

/** Everything a client needs to be in sync, sent on connect and on request. */
export interface TalkState {
  protocol: number;
  role: Role;
  talk: TalkInfo;
  run: RunInfo;
  slide: number;
  audience: number;
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
}

export interface ClientToServerEvents {
  'slide:goto': (payload: { index: number }, ack: AckFn<SlideChanged>) => void;
  'slide:next': (ack: AckFn<SlideChanged>) => void;
  'slide:prev': (ack: AckFn<SlideChanged>) => void;
  /** Give the talk again: a new run starting at slide 0; earlier runs keep their data. */
  'run:start': (ack: AckFn<{ run: RunInfo; slide: number }>) => void;
  /** Ask for a fresh `state` (after a reconnect, or when in doubt). */
  'state:get': (ack: AckFn<TalkState>) => void;
}

export type InterServerEvents = Record<string, never>;

export interface SocketData {
  role: Role;
  talk: string;
}
