/**
 * The realtime contract shared by server and client. No Node imports: the browser bundles this file.
 * Commands are imperative (`slide:goto`), facts past tense (`slide:changed`).
 */
import { COLOR_SCHEMES, type ColorScheme, type ThemeName } from './theme.js';
import type { ErrorCode } from './errors.js';
import type { SlideData } from './http.js';
import type { ActivePoll, Answer, AnswerAction, AnswerModeration, NewPollInput, PollRef, PollResults, PollView } from './poll.js';
import type { ModerationAction, QaMode, QaPage, QaState, QuestionView, ReactionKind } from './qa.js';
import type { QuizStanding } from './quiz.js';

export type { ActivePoll, Answer, NewPollInput, PollRef, PollResults, PollView } from './poll.js';
export type { AnswerAction, AnswerModeration, AnswerStatus, ModeratedAnswer, PollSpec, PollType } from './poll.js';
export type { ModerationAction, QaMode, QaPage, QaState, QuestionView, ReactionKind } from './qa.js';
export type { QuizPlayer, QuizResults, QuizStanding } from './quiz.js';

/** Bumped when a change would break an older client. */
export const PROTOCOL_VERSION = 1;

/**
 * `presenter` and `moderator` come only with a key (see server/domain/roles.ts): a moderator
 * moderates questions and answers, and drives the talk only when the deck says `moderators: drive`.
 */
export const Role = { presenter: 'presenter', moderator: 'moderator', screen: 'screen', audience: 'audience' } as const;
export type Role = (typeof Role)[keyof typeof Role];

/** The roles a client may ask for without a key; the presenter role comes only with the key. */
export const HANDSHAKE_ROLES = [Role.screen, Role.audience] as const;

/** A deck's forced colour scheme; unset follows the reader's preference. */
export const THEMES = COLOR_SCHEMES;
export type Theme = ColorScheme;

/** What a client sends in `io(origin, { auth })`. */
export interface HandshakeAuth {
  talk: string;
  /** The presenter key; a socket that carries the right one is the presenter. */
  key?: string;
  /** `screen` for the projector view; anything else without a key is audience. */
  role?: (typeof HANDSHAKE_ROLES)[number];
  /**
   * Ignored (older clients sent an id they chose): the voter is the one the server issued in the
   * signed, HTTP-only `lectern_voter` cookie (`POST /api/talks/:slug/voter`), which the websocket
   * handshake carries. One answer per voter per poll.
   */
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
  /** The colour scheme the deck forces (its theme has only one, or `colorSchema:`); unset: the reader's. */
  theme?: Theme;
  /** The built-in theme the deck's `theme:` resolved to. */
  themeName: ThemeName;
  /** The tool the deck was written for, when not Lectern itself (`slidev`, `marp`, `reveal` …). */
  dialect?: string;
  /** The deck's own stylesheet, a URL on this server; slides (only) load it. */
  stylesheet?: string;
  /** The slide canvas's proportions, `W:H` (`4:3`); absent means 16:9. */
  aspect?: string;
  accent?: string;
  /** Audience Q&A mode from the deck's front matter. */
  qa: QaMode;
}

export interface RunInfo {
  id: number;
  /** 1 for the first delivery of the talk, 2 for the next … */
  number: number;
  startedAt: number;
  /** When the presenter ended it (`run:end`); absent or null while it is going on. */
  endedAt?: number | null;
}

/** Everything a client needs to be in sync, sent on connect and on request. */
export interface TalkState {
  protocol: number;
  role: Role;
  talk: TalkInfo;
  run: RunInfo;
  slide: number;
  /** Build steps of the current slide revealed (0: none yet). */
  step: number;
  audience: number;
  active: ActivePoll;
  qa: QaState;
  /** Presenter and screen: reaction taps so far in this run, per slide. */
  reactions?: { slide: number; counts: Partial<Record<ReactionKind, number>> }[];
  /**
   * Presenter and moderator: this device's session, usable wherever its key is (`auth.key`,
   * `Authorization: Bearer`) until signed out or idle past the expiry. Clients keep it instead of
   * the key and use it for reconnects.
   */
  session?: string;
  /** Presenter and moderator: whether this talk lets moderators drive it (`moderators: drive`). */
  moderatorsDrive?: boolean;
  /** Where the run's quiz stands (a phone's own place included); absent when the talk has no quiz question. */
  quiz?: QuizStanding;
  /** Server time in ms when this state was read. */
  at: number;
}

/** A device signed in as presenter or moderator (a session), as the presenter console lists it. */
export interface SessionInfo {
  id: number;
  role: 'presenter' | 'moderator';
  /** Signed in with the admin key: presenter of every talk. */
  admin: boolean;
  /** What the device said it is (its browser's user agent). */
  label: string;
  createdAt: number;
  lastSeenAt: number;
  /** The device asking. */
  current: boolean;
  /** Connected to this server process right now. */
  connected: boolean;
}

export interface SlideChanged {
  index: number;
  /** How many build steps of the slide are revealed (0: none yet); absent on an old server. */
  step?: number;
  at: number;
  /**
   * The slide's content, when this move shows it for the first time in the run: clients without
   * the presenter key only ever get a slide's content once the talk has reached it.
   */
  slide?: SlideData;
}

export interface ServerToClientEvents {
  state: (state: TalkState) => void;
  'slide:changed': (e: SlideChanged) => void;
  audience: (e: { count: number }) => void;
  /** The deck file changed on disk; refetch slides (the current slide index is kept, clamped). */
  'deck:updated': (e: { talk: TalkInfo; slide: number; step?: number }) => void;
  'run:started': (e: { run: RunInfo; slide: number }) => void;
  /** The presenter ended the run: phones offer the handout ("Slides"). */
  'run:ended': (e: { run: RunInfo }) => void;
  /** A quiz answer was shown (or a player renamed): the new standings; each phone gets its own `me`. */
  'quiz:standing': (e: QuizStanding) => void;
  /** The poll on screen changed, opened, closed, or its results were revealed or hidden. */
  'poll:active': (e: ActivePoll) => void;
  /** Live results, at most a few per second per poll; the final tally always follows the last vote. */
  'poll:results': (e: { poll: string; results: PollResults }) => void;
  /** The presenter deleted the poll's answers: phones forget theirs and may answer again. */
  'poll:reset': (e: { poll: string }) => void;
  /** Presenter and moderators: the poll's held, hidden and latest shown answers, whenever they change. */
  'poll:moderation': (e: AnswerModeration) => void;
  /**
   * Questions asked or moderated (merge by id), gathered per talk and sent at most every 300 ms to
   * each audience class (staff: every status; phones: the shown ones); `removed` ones are no longer
   * shown to this client; `votes` holds the new upvote counts of questions that only gained or lost votes.
   */
  'questions:changed': (e: { questions: QuestionView[]; removed?: number[]; votes?: Record<number, number> }) => void;
  /** Reaction taps of the last half second on a slide, added up (presenter and screen). */
  reactions: (e: { slide: number; counts: Partial<Record<ReactionKind, number>> }) => void;
  /** Presenter and moderator: this device was signed out (the server disconnects it next); forget the session. */
  'session:ended': (e: { message: string }) => void;
  /** Presenter only: how many devices answered the latest poll, from how many addresses (at most one a second). */
  'voters:counted': (e: VoterSources) => void;
  /** Presenter only: many new voter ids from one address within a minute (`refused`: past the limit). */
  'voters:burst': (e: VoterBurst) => void;
}

/** Where the answers to a poll came from (this process's answers). */
export interface VoterSources {
  poll: string;
  devices: number;
  addresses: number;
}

/** A burst of new devices from one address. */
export interface VoterBurst {
  newIds: number;
  seconds: number;
  refused: number;
}

export interface ClientToServerEvents {
  'slide:goto': (payload: { index: number; step?: number }, ack: AckFn<SlideChanged>) => void;
  'slide:next': (ack: AckFn<SlideChanged>) => void;
  'slide:prev': (ack: AckFn<SlideChanged>) => void;
  /** Give the talk again: a new run starting at slide 0; earlier runs keep their data. */
  'run:start': (ack: AckFn<{ run: RunInfo; slide: number }>) => void;
  /** End the run (the talk is over): its handout opens to everyone; a later `run:start` gives the talk again. */
  'run:end': (ack: AckFn<{ run: RunInfo }>) => void;
  /** Ask for a fresh `state` (after a reconnect, or when in doubt). */
  'state:get': (ack: AckFn<TalkState>) => void;
  /** Presenter: the devices signed in to this talk as presenter or moderator. */
  'sessions:list': (ack: AckFn<{ sessions: SessionInfo[] }>) => void;
  /** Presenter: signs one device out (`id`), or every other device (`all: true`); they are disconnected. */
  'sessions:revoke': (payload: { id: number } | { all: true }, ack: AckFn<{ revoked: number }>) => void;
  /**
   * Answer the poll; acknowledged only once the answer is committed. `held`: stored, but waiting for
   * a moderator before it counts (a pre-moderated poll, or the filter held it).
   */
  'vote:cast': (payload: { poll: string; answer: Answer }, ack: AckFn<{ poll: string; answer: Answer; held?: boolean }>) => void;
  'poll:open': (payload: PollRef, ack: AckFn<PollView>) => void;
  'poll:close': (payload: PollRef, ack: AckFn<PollView>) => void;
  /** Show (`reveal: true`) or hide the results to the audience. */
  'poll:reveal': (payload: PollRef & { reveal: boolean }, ack: AckFn<PollView>) => void;
  /** Deletes the poll's answers in this run. */
  'poll:reset': (payload: PollRef, ack: AckFn<PollView>) => void;
  /**
   * The countdown of an open poll: `add` seconds to it (1 … MAX_TIMER_ADD_SECONDS; starts one on a poll
   * without), or `stop` it (the poll stays open until closed by hand).
   */
  'poll:timer': (payload: PollRef & ({ add: number } | { stop: true }), ack: AckFn<PollView>) => void;
  /** A quiz question: close it if open, show the right answer, and score it; everyone gets `quiz:standing`. */
  'quiz:reveal': (payload: PollRef, ack: AckFn<PollView>) => void;
  /** A phone's nickname for the leaderboard (filtered, unique in the run); an empty one makes it anonymous again. */
  'quiz:nickname': (payload: { name: string }, ack: AckFn<{ nickname: string | null; name: string }>) => void;
  /** Asks an ad-hoc question: it opens at once and shows on every phone. */
  'poll:create': (payload: NewPollInput, ack: AckFn<PollView>) => void;
  /**
   * Presenter or moderator: approve (or unhide) or hide single answers, by id or every answer
   * holding `word`; `changed` is how many answers changed.
   */
  'poll:moderate': (payload: { poll: string; action: AnswerAction; ids?: number[]; word?: string }, ack: AckFn<{ poll: string; changed: number }>) => void;
  /** Presenter or moderator: a poll's answers for moderation (held, hidden, the latest shown). */
  'poll:answers': (payload: PollRef, ack: AckFn<AnswerModeration>) => void;
  /** Ask a question (at most 280 characters; `name` optional, anonymous by default). */
  'question:ask': (payload: { text: string; name?: string }, ack: AckFn<QuestionView>) => void;
  /** Upvote (`up: true`) or withdraw the upvote; one per phone per question. */
  'question:upvote': (payload: { id: number; up: boolean }, ack: AckFn<{ id: number; votes: number; up: boolean }>) => void;
  /** Questions older than `before` (from `state.qa.more` or the last page), newest first, at most `limit` (≤ 100). */
  'qa:page': (payload: { before: number; limit?: number }, ack: AckFn<QaPage>) => void;
  /** Presenter: approve, hide, mark answered (or not), pin to the screen (or unpin). */
  'question:moderate': (payload: { id: number; action: ModerationAction }, ack: AckFn<QuestionView>) => void;
  /** A reaction tap; the screen shows them in bursts. */
  'reaction:send': (payload: { kind: ReactionKind }, ack: AckFn<{ kind: ReactionKind }>) => void;
}
