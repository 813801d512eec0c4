import { LitElement, css, html, nothing } from 'lit';
import { ClockController } from '../controllers/clock-controller.js';
import { paceOn, paceText, plannedStarts, remainingText } from '../lib/pace.js';

/**
 * The presenter's pace: the talk's remaining time counting down from the run's start (red once
 * over), and how far ahead of or behind the plan the current slide is ("1:20 ahead"), from the
 * deck's `duration:` and the slides' `<!-- time: -->` (the rest split evenly). Renders nothing
 * without a duration; stops at the run's end.
 */
export class TalkPace extends LitElement {
  static override properties = {
    duration: { type: Number },
    times: { attribute: false },
    slide: { type: Number },
    since: { type: Number },
    until: { attribute: false },
    offset: { type: Number },
  };

  /** Planned length in seconds; 0 or undefined renders nothing. */
  declare duration: number | undefined;
  /** Each slide's own planned seconds, undefined where it has none. */
  declare times: readonly (number | undefined)[];
  declare slide: number;
  /** The run's start, server ms (0: none). */
  declare since: number;
  /** The run's end, server ms, once it ended: the clock stops there. */
  declare until: number | null | undefined;
  /** Server clock minus this device's, in ms. */
  declare offset: number;

  static override styles = css`
    :host {
      display: inline-flex;
      gap: 0.6em;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .over {
      color: var(--danger);
      font-weight: 700;
    }
    .behind {
      color: var(--danger);
    }
    .ahead {
      color: var(--ok);
    }
  `;

  constructor() {
    super();
    this.duration = undefined;
    this.times = [];
    this.slide = 0;
    this.since = 0;
    this.until = null;
    this.offset = 0;
    new ClockController(this);
  }

  override render() {
    if (!this.duration || !this.since || !this.times.length) return nothing;
    const now = this.until ?? Date.now() + this.offset;
    const elapsed = Math.max(0, (now - this.since) / 1000);
    const remaining = remainingText(this.duration, elapsed);
    const pace = paceOn(plannedStarts(this.duration, this.times), this.duration, this.slide, elapsed);
    const paced = paceText(pace);
    return html`<span class="remaining ${remaining.over ? 'over' : ''}" role="timer" aria-label="Talk time ${remaining.text}">${remaining.text}</span>
      <span class="pace ${Math.round(pace) > 0 ? 'ahead' : Math.round(pace) < 0 ? 'behind' : ''}" title="Against the plan for this slide">${paced}</span>`;
  }
}

customElements.define('talk-pace', TalkPace);

declare global {
  interface HTMLElementTagNameMap {
    'talk-pace': TalkPace;
  }
}
