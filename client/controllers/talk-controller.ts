/**
 * TalkController: the one owner of a page's live connection to a talk. It keeps the server's
 * state (slide, run, audience, talk info), the rendered slides fetched over HTTP, and the
 * connection status, and asks its host to re-render whenever any of them change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { io } from 'socket.io-client';
import type { Ack, Role, RunInfo, SlideChanged, TalkInfo, TalkState } from '../../contract/events.js';
import type { SlideData } from '../lib/api.js';
import { ConnectionStatus, sendCommand, type LiveSocket, type TimedSocket } from './live-socket.js';
import { PushedSlides } from './pushed-slides.js';
import { SlideLoader } from './slide-loader.js';
import { VoterGate } from './voter-gate.js';

export { ConnectionStatus, type LiveSocket, type TimedSocket };

/**
 * Retry after about 1 s, doubling up to 10 s, each wait moved by up to ±50 %: when a server
 * restarts, thousands of phones come back spread out instead of all in the same second.
 */
const RECONNECT = { reconnection: true, reconnectionDelay: 1000, reconnectionDelayMax: 10_000, randomizationFactor: 0.5 } as const;

/** Who this page is: presenters carry a key, the projector says `screen`, phones say nothing. */
export interface TalkControllerOptions {
  slug: string;
  role: Role;
  /** The presenter key; a presenter controller without one stays idle until `setKey`. */
  key?: string;
  /**
   * Audience only: gets this phone its voter cookie (true when it has one) before the socket
   * connects; without one a phone can follow but not vote, and it is asked again every 15 s.
   */
  voter?: () => Promise<boolean>;
  /**
   * Presenter only: called with the presenter session the server sends in `state`. The controller
   * already uses it in place of the key; the page stores it, so a reload works even while the
   * room's shared address is locked out by someone guessing keys.
   */
  onSession?: (session: string) => void;
}

/** Owns the socket for one talk; see the module comment. */
export class TalkController implements ReactiveController {
  status: ConnectionStatus = ConnectionStatus.idle;
  /** Why the status is `error` (or why the last fetch failed); a message a person can act on. */
  error?: { code: string; message: string };
  talk?: TalkInfo;
  run?: RunInfo;
  /** The slide the presenter is on (0-based). */
  slide = 0;
  /** How many build steps of that slide are revealed (0: none yet). */
  step = 0;
  slides: SlideData[] = [];
  /** Where phones join, when the server knows its public address; else this page's origin. */
  publicUrl?: string;
  /** Presenter only: what the deck's tool has that Lectern does not show. */
  dropped: { line: number; what: string }[] = [];
  /** Presenter only: the talk's planned length in seconds (`duration:`), for the countdown and pace. */
  duration?: number;
  audience = 0;
  /** Server clock minus local clock, so timers agree with the server's timestamps. */
  serverOffset = 0;
  /**
   * What the server made this page, from `state`: a keyed page learns here whether its key was the
   * presenter's or a moderator's (a moderator console shows less).
   */
  grantedRole?: Role;
  /** Moderator: whether the deck lets moderators move slides and run polls (`moderators: drive`). */
  moderatorsDrive = false;

  readonly #host: ReactiveControllerHost;
  readonly #options: TalkControllerOptions;
  readonly #slides: SlideLoader;
  readonly #plugins: ((socket: LiveSocket) => void)[] = [];
  readonly #pushed = new PushedSlides();
  #socket?: LiveSocket;
  #everConnected = false;
  /** Audience only: the voter cookie the socket waits for. */
  readonly #voter?: VoterGate;
  /** Between hostConnected and hostDisconnected. */
  #wanted = false;

  constructor(host: ReactiveControllerHost, options: TalkControllerOptions) {
    this.#host = host;
    this.#options = { ...options };
    this.#slides = new SlideLoader(options.slug, {
      loaded: (details) =>
        this.#update(() => {
          // a move may have brought a slide's content while the fetch was under way: keep the fuller copy
          this.slides = this.#pushed.merge(details.slides, this.slides);
          this.publicUrl = details.publicUrl;
          this.dropped = details.dropped ?? [];
          this.duration = details.duration;
          if (this.status !== ConnectionStatus.error) this.error = undefined;
          queueMicrotask(() => this.#fillGap());
        }),
      failed: (err, fatal) => (fatal ? this.#fail(err.code, err.message) : this.#update(() => (this.error = { code: err.code, message: err.message }))),
    });
    this.#slides.setKey(options.key);
    // a refused phone still connects, to follow; a retry that got the cookie reconnects so the handshake carries it
    if (options.voter) {
      this.#voter = new VoterGate(options.voter, {
        asking: () => {
          if (!this.#socket) this.#setStatus(ConnectionStatus.connecting);
        },
        settled: (ok, retried) => (retried && ok && this.#socket ? void this.#socket.disconnect().connect() : this.#connect()),
        wanted: () => this.#wanted,
      });
    }
    host.addController(this);
  }

  /** The slide being shown, once slides have loaded. */
  get current(): SlideData | undefined {
    return this.slides[this.slide];
  }

  get slideCount(): number {
    return this.talk?.slideCount ?? this.slides.length;
  }

  /** The presenter key in use, if any. */
  get key(): string | undefined {
    return this.#options.key;
  }

  hostConnected(): void {
    this.#wanted = true;
    this.#voter?.resume();
    this.#connect();
  }

  hostDisconnected(): void {
    this.#wanted = false;
    this.#voter?.stop();
    this.#close();
  }

  /** Uses a (new) presenter key: drops the current connection and connects with it. */
  setKey(key: string): void {
    this.#options.key = key;
    this.#close();
    this.#slides.setKey(key); // refetch so the notes come with the slides
    this.#connect();
  }

  /**
   * Lets another controller listen on every socket this one opens (reveal.js-style plugins):
   * the poll controller adds its events this way. Listeners go away with the socket.
   */
  attach(plugin: (socket: LiveSocket) => void): void {
    this.#plugins.push(plugin);
    if (this.#socket) plugin(this.#socket);
  }

  /** Sends a command and waits for its ack; a timeout or a missing connection becomes an error ack. */
  send<T>(emit: (socket: TimedSocket) => Promise<Ack<T>>): Promise<Ack<T>> {
    return sendCommand(this.#socket, emit);
  }

  /** The server's clock now, in ms. */
  serverNow(): number {
    return Date.now() + this.serverOffset;
  }

  goto(index: number, step?: number): Promise<Ack<SlideChanged>> {
    return this.#command((s) => s.emitWithAck('slide:goto', step === undefined ? { index } : { index, step }), (d) => this.#onSlide(d));
  }

  next(): Promise<Ack<SlideChanged>> {
    return this.#command((s) => s.emitWithAck('slide:next'), (d) => this.#onSlide(d));
  }

  prev(): Promise<Ack<SlideChanged>> {
    return this.#command((s) => s.emitWithAck('slide:prev'), (d) => this.#onSlide(d));
  }

  /** Starts a new delivery of the talk at slide 1; earlier runs keep their data. */
  startRun(): Promise<Ack<{ run: RunInfo; slide: number }>> {
    return this.#command((s) => s.emitWithAck('run:start'), (d) => this.#onRun(d));
  }

  /** Ends the run (the talk is over): everyone gets the handout; moves are refused until `startRun`. */
  endRun(): Promise<Ack<{ run: RunInfo }>> {
    return this.#command((s) => s.emitWithAck('run:end'), (d) => this.#update(() => (this.run = d.run)));
  }

  #connect(): void {
    const { slug, role, key } = this.#options;
    if (this.#socket || (role === 'presenter' && !key)) return;
    if (this.#voter?.pending) return this.#voter.request();
    this.#setStatus(ConnectionStatus.connecting);
    const auth = role === 'presenter' ? { talk: slug, key } : { talk: slug, role };
    // websocket only: no long-polling fallback, so no sticky sessions are needed behind a balancer
    const socket: LiveSocket = io(location.origin, { path: '/socket.io', transports: ['websocket'], auth, ...RECONNECT });
    this.#socket = socket;

    socket.on('connect', () => {
      this.#everConnected = true;
      this.error = undefined;
      this.#setStatus(ConnectionStatus.live);
    });
    socket.on('disconnect', (reason) => {
      // the client retries by itself unless the server chose to drop us
      if (reason === 'io server disconnect') this.#fail('unavailable', 'The server closed the connection. Reload the page to rejoin.');
      else if (reason !== 'io client disconnect') this.#setStatus(ConnectionStatus.reconnecting);
    });
    socket.on('connect_error', (err: Error & { data?: { code?: string } }) => {
      // `active` is false when the server refused us (unknown talk, wrong key): retrying won't help
      if (!socket.active) this.#fail(err.data?.code ?? 'unavailable', err.message || 'The server refused the connection.');
      else this.#setStatus(this.#everConnected ? ConnectionStatus.reconnecting : ConnectionStatus.connecting);
    });
    // the server sends `state` on every (re)connect, which is how a view resyncs after a gap
    socket.on('state', (state) => this.#onState(state));
    // signed out from the presenter console: the session is gone, ask for the key again
    socket.on('session:ended', ({ message }) => {
      this.#options.key = undefined;
      this.#close();
      this.#fail('unauthorized', message);
    });
    socket.on('slide:changed', (e) => this.#onSlide(e));
    socket.on('audience', ({ count }) => this.#update(() => (this.audience = count)));
    socket.on('deck:updated', ({ talk, slide, step }) => {
      this.#update(() => {
        this.talk = talk;
        this.slide = slide;
        this.step = step ?? 0;
      });
      void this.#slides.load(talk.hash);
    });
    socket.on('run:started', (e) => this.#onRun(e));
    socket.on('run:ended', ({ run }) => this.#update(() => (this.run = run)));
    this.#plugins.forEach((plugin) => plugin(socket));
  }

  #close(): void {
    this.#slides.stop();
    this.#socket?.removeAllListeners();
    this.#socket?.disconnect();
    this.#socket = undefined;
    this.#everConnected = false;
  }

  #onState(state: TalkState): void {
    if (state.session && state.session !== this.#options.key) this.#useSession(state.session);
    this.#update(() => {
      this.grantedRole = state.role;
      this.moderatorsDrive = state.moderatorsDrive ?? false;
      this.talk = state.talk;
      this.run = state.run;
      this.slide = state.slide;
      this.step = state.step ?? 0;
      this.audience = state.audience;
      this.serverOffset = state.at - Date.now();
    });
    void this.#slides.load(state.talk.hash);
    this.#fillGap();
  }

  /** Reconnects and slide fetches use the session from now on; no reconnect needed for that. */
  #useSession(session: string): void {
    this.#options.key = session;
    this.#slides.setCredential(session);
    if (this.#socket) this.#socket.auth = { talk: this.#options.slug, key: session };
    this.#options.onSession?.(session);
  }

  #onSlide(e: SlideChanged): void {
    this.#update(() => {
      this.slide = e.index;
      this.step = e.step ?? 0;
      // the server sends a slide's content (up to the step shown) with the move that first shows
      // it, never before; the presenter already holds every slide whole
      if (e.slide && this.#options.role !== 'presenter') this.slides = this.#pushed.push(this.slides, e.index, e.slide);
    });
    this.#fillGap();
  }

  /**
   * Slides are loaded but the current one is a placeholder, or lacks the step the talk is on
   * (both shown while this page was away): fetch again.
   */
  #fillGap(): void {
    const current = this.slides[this.slide];
    if (!current || this.#options.role === 'presenter') return;
    if (current.hidden || (current.upTo !== undefined && this.step > current.upTo)) void this.#slides.refresh();
  }

  #onRun(e: { run: RunInfo; slide: number }): void {
    this.#update(() => {
      this.run = e.run;
      this.slide = e.slide;
      this.step = 0;
    });
  }

  async #command<T>(emit: (s: TimedSocket) => Promise<Ack<T>>, apply: (data: T) => void): Promise<Ack<T>> {
    const ack = await sendCommand(this.#socket, emit);
    if (ack.ok) apply(ack.data);
    return ack;
  }

  #fail(code: string, message: string): void {
    this.#update(() => {
      this.error = { code, message };
      this.status = ConnectionStatus.error;
    });
  }

  #setStatus(status: ConnectionStatus): void {
    this.#update(() => (this.status = status));
  }

  #update(change: () => void): void {
    change();
    this.#host.requestUpdate();
  }
}
