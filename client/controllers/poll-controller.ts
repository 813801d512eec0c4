/**
 * PollController: the active poll as this view may see it (the question, its results, this
 * phone's answer), kept in step with the server through the TalkController's socket, and the
 * poll commands: voting for phones, open / close / reveal / reset / create for the presenter.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Ack, ActivePoll, Answer, AnswerAction, NewPollInput, PollView } from '../../contract/events.js';
import { applyActive, applyModeration, applyReset, applyResults, NO_POLL } from '../lib/live-poll.js';
import type { LiveSocket, TalkController } from './talk-controller.js';

/** A presenter command on an existing poll. */
export type PollAction = 'open' | 'close' | 'reveal' | 'hide' | 'reset';

/** Follows the active poll; see the module comment. */
export class PollController implements ReactiveController {
  /** The poll on screen now; `poll` is null when there is none. */
  active: ActivePoll = NO_POLL;

  readonly #host: ReactiveControllerHost;
  readonly #talk: TalkController;
  readonly #isVoter: boolean;

  constructor(host: ReactiveControllerHost, talk: TalkController, opts: { voter: boolean }) {
    this.#host = host;
    this.#talk = talk;
    this.#isVoter = opts.voter;
    host.addController(this);
    talk.attach((socket) => this.#listen(socket));
  }

  hostConnected(): void {}

  /** Whether this phone has an answer stored for the active poll. */
  get answered(): boolean {
    return this.active.myAnswer !== undefined;
  }

  /** Sends this phone's answer; once the server has stored it, it becomes `active.myAnswer`. */
  async vote(poll: string, answer: Answer): Promise<Ack<{ poll: string; answer: Answer; held?: boolean }>> {
    const ack = await this.#talk.send<{ poll: string; answer: Answer; held?: boolean }>((s) => s.emitWithAck('vote:cast', { poll, answer }));
    if (ack.ok && this.active.poll?.id === ack.data.poll) {
      const { myAnswerHeld: _was, ...rest } = this.active;
      this.#set({ ...rest, myAnswer: ack.data.answer, ...(ack.data.held ? { myAnswerHeld: true } : {}) });
    }
    return ack;
  }

  /** Presenter or moderator: approves (or unhides) or hides answers, by id or every one holding a word. */
  moderate(poll: string, action: AnswerAction, target: { ids: number[] } | { word: string }): Promise<Ack<{ poll: string; changed: number }>> {
    return this.#talk.send((s) => s.emitWithAck('poll:moderate', { poll, action, ...target }));
  }

  /** Runs a presenter command on a poll; the change reaches every view as `poll:active`. */
  command(action: PollAction, poll: string): Promise<Ack<PollView>> {
    return this.#talk.send((s) => {
      switch (action) {
        case 'open':
          return s.emitWithAck('poll:open', { poll });
        case 'close':
          return s.emitWithAck('poll:close', { poll });
        case 'reveal':
        case 'hide':
          return s.emitWithAck('poll:reveal', { poll, reveal: action === 'reveal' });
        case 'reset':
          return s.emitWithAck('poll:reset', { poll });
      }
    });
  }

  /** Adds seconds to the poll's countdown (starting one if none runs), or stops it; every view gets the new deadline. */
  timer(poll: string, change: { add: number } | { stop: true }): Promise<Ack<PollView>> {
    return this.#talk.send((s) => s.emitWithAck('poll:timer', { poll, ...change }));
  }

  /** Asks an ad-hoc question; it opens at once on every phone. */
  create(input: NewPollInput): Promise<Ack<PollView>> {
    return this.#talk.send((s) => s.emitWithAck('poll:create', input));
  }

  #listen(socket: LiveSocket): void {
    // `state` comes on every (re)connect and carries this phone's stored answer: a reload resyncs
    socket.on('state', (state) => this.#set(state.active));
    socket.on('poll:active', (e) => this.#set(applyActive(this.active, e)));
    socket.on('poll:results', (e) => this.#set(applyResults(this.active, e.poll, e.results)));
    socket.on('poll:moderation', (e) => this.#set(applyModeration(this.active, e)));
    // phones forget their answer; staff keep the tally until the `poll:active` that follows
    socket.on('poll:reset', (e) => this.#isVoter && this.#set(applyReset(this.active, e.poll)));
    // a new run has fresh polls: the old answer is not an answer to them
    socket.on('run:started', () => this.#set(NO_POLL));
  }

  #set(active: ActivePoll): void {
    if (active === this.active) return;
    this.active = active;
    this.#host.requestUpdate();
  }
}
