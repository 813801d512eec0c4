/**
 * VoterSourcesController: where the answers come from (presenter only). Keeps the server's latest
 * "N devices answered from M addresses" for the poll answered last, and a warning about a burst of
 * new devices from one address, which fades after a minute.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VoterBurst, VoterSources } from '../../contract/events.js';
import type { LiveSocket, TalkController } from './talk-controller.js';

/** How long a burst warning stays up, in ms. */
const BURST_SHOWN_MS = 60_000;

/** Follows `voters:counted` and `voters:burst`; see the module comment. */
export class VoterSourcesController implements ReactiveController {
  sources?: VoterSources;
  burst?: VoterBurst;

  readonly #host: ReactiveControllerHost;
  #timer?: ReturnType<typeof setTimeout>;

  constructor(host: ReactiveControllerHost, talk: TalkController) {
    this.#host = host;
    host.addController(this);
    talk.attach((socket) => this.#listen(socket));
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.#timer);
  }

  #listen(socket: LiveSocket): void {
    socket.on('voters:counted', (sources) => {
      this.sources = sources;
      this.#host.requestUpdate();
    });
    socket.on('voters:burst', (burst) => {
      this.burst = burst;
      clearTimeout(this.#timer);
      this.#timer = setTimeout(() => {
        this.burst = undefined;
        this.#host.requestUpdate();
      }, BURST_SHOWN_MS);
      this.#host.requestUpdate();
    });
  }
}
