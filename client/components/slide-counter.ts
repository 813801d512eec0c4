import { LitElement, css, html } from 'lit';
import { srOnly } from './shared-styles.js';

/** "n / N" for the slide being shown; screen readers hear "Slide n of N". */
export class SlideCounter extends LitElement {
  static override properties = {
    index: { type: Number },
    total: { type: Number },
    label: { type: String },
  };

  /** The slide's own number when not its position (`4.1`, a reveal.js vertical slide). */
  declare label: string | undefined;

  /** The slide shown, 0-based (displayed 1-based). */
  declare index: number;
  declare total: number;

  static override styles = [
    srOnly,
    css`
      :host {
        font-variant-numeric: tabular-nums;
        white-space: nowrap;
      }
    `,
  ];

  constructor() {
    super();
    this.index = 0;
    this.total = 0;
    this.label = undefined;
  }

  override render() {
    const n = this.total ? (this.label ?? String(this.index + 1)) : '0';
    return html`<span class="value" aria-hidden="true">${n} / ${this.total}</span
      ><span class="sr-only">Slide ${n} of ${this.total}</span>`;
  }
}

customElements.define('slide-counter', SlideCounter);

declare global {
  interface HTMLElementTagNameMap {
    'slide-counter': SlideCounter;
  }
}
