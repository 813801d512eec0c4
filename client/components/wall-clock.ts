import { LitElement, css, html } from 'lit';
import { ClockController } from '../controllers/clock-controller.js';

/** The time of day (hours and minutes), so the speaker knows where the talk stands. */
export class WallClock extends LitElement {
  static override styles = css`
    :host {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
  `;

  readonly #format = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

  constructor() {
    super();
    new ClockController(this, 5000);
  }

  override render() {
    const now = new Date();
    return html`<time datetime=${now.toISOString()} aria-label="Time ${this.#format.format(now)}">${this.#format.format(now)}</time>`;
  }
}

customElements.define('wall-clock', WallClock);

declare global {
  interface HTMLElementTagNameMap {
    'wall-clock': WallClock;
  }
}
