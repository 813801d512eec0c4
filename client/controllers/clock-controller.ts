import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Re-renders its host on a fixed interval while the host is connected (timers, clocks). */
export class ClockController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #interval: number;
  #timer?: ReturnType<typeof setInterval>;

  constructor(host: ReactiveControllerHost, intervalMs = 1000) {
    this.#host = host;
    this.#interval = intervalMs;
    host.addController(this);
  }

  hostConnected(): void {
    this.#timer = setInterval(() => this.#host.requestUpdate(), this.#interval);
  }

  hostDisconnected(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
