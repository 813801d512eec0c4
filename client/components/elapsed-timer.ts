import { LitElement, css, html } from 'lit';
import { ClockController } from '../controllers/clock-controller.js';

/** Formats a duration as m:ss, or h:mm:ss past the hour. */
export function formatElapsed(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** Time since the run started, ticking every second; in the server's clock so devices agree. */
export class ElapsedTimer extends LitElement {
  static override properties = {
    since: { type: Number },
    offset: { type: Number },
  };

  /** Start time in server ms; 0 shows nothing. */
  declare since: number;
  /** Server clock minus local clock, in ms. */
  declare offset: number;

  static override styles = css`
    :host {
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
  `;

  constructor() {
    super();
    this.since = 0;
    this.offset = 0;
    new ClockController(this);
  }

  override render() {
    if (!this.since) return html`–:––`;
    const text = formatElapsed(Date.now() + this.offset - this.since);
    return html`<span role="timer" aria-label="Elapsed time ${text}">${text}</span>`;
  }
}

customElements.define('elapsed-timer', ElapsedTimer);

declare global {
  interface HTMLElementTagNameMap {
    'elapsed-timer': ElapsedTimer;
  }
}
