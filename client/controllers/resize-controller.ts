/**
 * ResizeController: calls back whenever the host or any element it is told to watch changes
 * size, from connection to disconnection (one ResizeObserver per host).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ResizeController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onResize: () => void;
  #observer: ResizeObserver | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement, onResize: () => void) {
    this.#host = host;
    this.#onResize = onResize;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver(() => this.#onResize());
    this.#observer.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
  }

  /** Also calls back when `element` (inside the host) changes size. */
  watch(element: Element): void {
    this.#observer?.observe(element);
  }
}
