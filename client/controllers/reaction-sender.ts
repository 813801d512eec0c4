/**
 * ReactionSender: a phone's reaction taps, sent one by one (the server adds them up). When the
 * server asks for a pause, `message` says so politely for a few seconds.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReactionKind } from '../../contract/events.js';
import type { TalkController } from './talk-controller.js';

/** How long a refusal stays on screen, in ms. */
const MESSAGE_MS = 4000;

/** Sends reactions; see the module comment. */
export class ReactionSender implements ReactiveController {
  /** Why the last tap did not count, while it matters; '' otherwise. */
  message = '';

  readonly #host: ReactiveControllerHost;
  readonly #talk: TalkController;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, talk: TalkController) {
    this.#host = host;
    this.#talk = talk;
    host.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  async send(kind: ReactionKind): Promise<void> {
    const ack = await this.#talk.send((s) => s.emitWithAck('reaction:send', { kind }));
    if (ack.ok) return;
    this.#say(ack.error.code === 'rate_limited' ? 'So many reactions! Give it a second.' : ack.error.message);
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#say(''), MESSAGE_MS);
  }

  #say(message: string): void {
    this.message = message;
    this.#host.requestUpdate();
  }
}
