import { LitElement, css, html, nothing } from 'lit';
import { buttonStyles } from './shared-styles.js';
import './slide-counter.js';

/**
 * The phone's footer: step back through the slides already shown, forward again, and a
 * "Back to live" button while the reader is not on the presenter's slide.
 *
 * @fires browse - CustomEvent<number> with the slide to show
 * @fires live - the reader wants to follow the presenter again
 */
export class SlideNav extends LitElement {
  static override properties = {
    index: { type: Number },
    total: { type: Number },
    /** The furthest slide the reader may open (the talk has reached it). */
    furthest: { type: Number },
    live: { type: Boolean },
  };

  /** The slide shown, 0-based. */
  declare index: number;
  declare total: number;
  declare furthest: number;
  /** Following the presenter (true) or browsing (false). */
  declare live: boolean;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 0.5rem;
      }
      button.step {
        min-width: 3rem;
        font-size: 1.2rem;
        line-height: 1;
      }
      slide-counter {
        min-width: 4.5rem;
        text-align: center;
      }
      .live {
        margin-inline-start: auto;
        white-space: nowrap;
      }
    `,
  ];

  constructor() {
    super();
    this.index = 0;
    this.total = 0;
    this.furthest = 0;
    this.live = true;
  }

  override render() {
    return html`
      <button type="button" class="step" aria-label="Previous slide" ?disabled=${this.index <= 0} @click=${() => this.#browse(this.index - 1)}>‹</button>
      <slide-counter .index=${this.index} .total=${this.total}></slide-counter>
      <button type="button" class="step" aria-label="Next slide" ?disabled=${this.index >= this.furthest} @click=${() => this.#browse(this.index + 1)}>›</button>
      ${this.live ? nothing : html`<button type="button" class="live primary" @click=${this.#live}>Back to live</button>`}
    `;
  }

  #browse(index: number): void {
    this.dispatchEvent(new CustomEvent<number>('browse', { detail: index, bubbles: true, composed: true }));
  }

  #live(): void {
    this.dispatchEvent(new Event('live', { bubbles: true, composed: true }));
  }
}

customElements.define('slide-nav', SlideNav);

declare global {
  interface HTMLElementTagNameMap {
    'slide-nav': SlideNav;
  }
}
