/**
 * ReactionsController: the reaction taps the server adds up every half second (presenter and
 * screen only). Keeps the totals per slide since this page opened, and — for the screen — a short
 * list of reactions floating up right now, each dropped again once its animation is over.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReactionKind } from '../../contract/events.js';
import { addCounts, REACTION_KINDS, type ReactionCounts } from '../lib/reactions.js';
import type { LiveSocket, TalkController } from './talk-controller.js';

/** One reaction on its way up the screen. */
export interface FloatingReaction {
  id: number;
  kind: ReactionKind;
  /** Across its lane, 0–100 (%). */
  x: number;
  /** Start delay in ms, so a burst trickles out instead of rising as one block. */
  delay: number;
}

/** How long one reaction floats, in ms (the CSS animation of reaction-burst matches). */
export const FLOAT_MS = 2600;
/** A burst shows at most this many of one kind, and the screen at most MAX_FLOATING at once. */
const MAX_PER_KIND = 6;
const MAX_FLOATING = 40;

/** Follows reaction bursts; see the module comment. */
export class ReactionsController implements ReactiveController {
  /** Reactions floating now (only when created with `float`). */
  floating: readonly FloatingReaction[] = [];

  readonly #host: ReactiveControllerHost;
  readonly #float: boolean;
  readonly #totals = new Map<number, ReactionCounts>();
  readonly #timers = new Set<ReturnType<typeof setTimeout>>();
  #nextId = 0;

  constructor(host: ReactiveControllerHost, talk: TalkController, opts: { float: boolean }) {
    this.#host = host;
    this.#float = opts.float;
    host.addController(this);
    talk.attach((socket) => this.#listen(socket));
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this.#timers.forEach(clearTimeout);
    this.#timers.clear();
    this.floating = [];
  }

  /** Taps on a slide in this run, by kind. */
  countsFor(slide: number): ReactionCounts {
    return this.#totals.get(slide) ?? {};
  }

  #listen(socket: LiveSocket): void {
    socket.on('reactions', ({ slide, counts }) => {
      this.#totals.set(slide, addCounts(this.countsFor(slide), counts));
      if (this.#float) this.#launch(counts);
      this.#host.requestUpdate();
    });
    // `state` (on every connect) carries the run's totals so far, so a reloaded screen keeps them
    socket.on('state', ({ reactions }) => {
      if (!reactions) return;
      this.#totals.clear();
      for (const { slide, counts } of reactions) this.#totals.set(slide, counts);
      this.#host.requestUpdate();
    });
    socket.on('run:started', () => {
      this.#totals.clear();
      this.#host.requestUpdate();
    });
  }

  #launch(counts: ReactionCounts): void {
    const burst: FloatingReaction[] = [];
    for (const kind of REACTION_KINDS) {
      const n = Math.min(counts[kind] ?? 0, MAX_PER_KIND);
      for (let i = 0; i < n; i++) burst.push({ id: this.#nextId++, kind, x: Math.round(Math.random() * 100), delay: Math.round(Math.random() * 450) });
    }
    if (!burst.length) return;
    this.floating = [...this.floating, ...burst].slice(-MAX_FLOATING);
    const ids = new Set(burst.map((f) => f.id));
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      this.floating = this.floating.filter((f) => !ids.has(f.id));
      this.#host.requestUpdate();
    }, FLOAT_MS + 500);
    this.#timers.add(timer);
  }
}
