import { LitElement, css, html, nothing, svg } from 'lit';
import { ClockController } from '../controllers/clock-controller.js';
import { readCountdown, spokenMark } from '../lib/countdown.js';
import { srOnly } from './shared-styles.js';

/**
 * A poll's countdown: `m:ss` with a ring that empties, in the server's clock (`offset` is server
 * minus device time, from `TalkState.at`). Big on the projector (`size="stage"`), compact on phones
 * and the presenter console. At zero it says "Time's up" until the server's close arrives (the
 * server decides, never this clock). Screen readers hear it at whole minutes, at 10 s and at zero.
 */
export class PollCountdown extends LitElement {
  static override properties = {
    closesAt: { attribute: false },
    since: { attribute: false },
    offset: { type: Number },
    size: { reflect: true },
  };

  /** When it reaches zero, server ms; null or undefined: no countdown (renders nothing). */
  declare closesAt: number | null | undefined;
  /** When it started (the poll's opening), server ms: the ring's full circle. */
  declare since: number | null | undefined;
  /** Server clock minus this device's clock, in ms. */
  declare offset: number;
  /** `stage`: the projector's large figure; anything else: compact. */
  declare size: 'stage' | 'compact';
  #spoken = '';

  static override styles = [
    srOnly,
    css`
      :host {
        display: inline-flex;
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
        --ring: 1.4em;
      }
      :host([size='stage']) {
        font-size: 1.6em;
        --ring: 1.25em;
      }
      .countdown {
        display: inline-flex;
        align-items: center;
        gap: 0.35em;
        font-weight: 700;
        color: var(--fg);
      }
      svg {
        inline-size: var(--ring);
        block-size: var(--ring);
        transform: rotate(-90deg);
      }
      .track {
        stroke: color-mix(in srgb, var(--muted) 35%, transparent);
      }
      .left {
        stroke: var(--accent);
        transition: stroke-dasharray 0.25s linear;
      }
      .urgent .left {
        stroke: var(--warn, var(--danger));
      }
      .urgent .time,
      .up .time {
        color: var(--danger);
      }
    `,
  ];

  constructor() {
    super();
    this.closesAt = null;
    this.since = null;
    this.offset = 0;
    this.size = 'compact';
    // four ticks a second, so the figure turns over close to the true second
    new ClockController(this, 250);
  }

  override render() {
    if (this.closesAt === null || this.closesAt === undefined) {
      this.#spoken = '';
      return nothing;
    }
    const reading = readCountdown(this.closesAt, Date.now() + this.offset, this.since ?? null);
    const mark = spokenMark(reading.seconds);
    if (mark !== null) this.#spoken = mark;
    const urgent = !reading.up && reading.seconds <= 10;
    return html`<span class="countdown ${urgent ? 'urgent' : ''} ${reading.up ? 'up' : ''}">
      <svg viewBox="0 0 36 36" aria-hidden="true">
        ${svg`<circle class="track" cx="18" cy="18" r="15.9155" fill="none" stroke-width="4"></circle>
        <circle class="left" cx="18" cy="18" r="15.9155" fill="none" stroke-width="4" stroke-dasharray="${(reading.left * 100).toFixed(2)} 100"></circle>`}
      </svg>
      <span class="time" role="timer" aria-label=${reading.up ? "Time's up" : `Time left ${reading.text}`}>${reading.up ? "Time's up" : reading.text}</span>
      <span class="sr-only" aria-live="polite">${this.#spoken}</span>
    </span>`;
  }
}

customElements.define('poll-countdown', PollCountdown);

declare global {
  interface HTMLElementTagNameMap {
    'poll-countdown': PollCountdown;
  }
}
