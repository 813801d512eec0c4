import { LitElement, css, html } from 'lit';
import { buttonStyles } from './shared-styles.js';

/** Detail of the `navigate` event. */
export type NavigateDirection = 'prev' | 'next';

/**
 * Previous / next buttons and "start new run". Only reports what was pressed; the page decides.
 *
 * @fires navigate - CustomEvent<NavigateDirection> when prev or next is pressed
 * @fires start-run - when the presenter confirmed starting a new run
 */
export class PresenterControls extends LitElement {
  static override properties = {
    canPrev: { type: Boolean },
    canNext: { type: Boolean },
    disabled: { type: Boolean },
  };

  declare canPrev: boolean;
  declare canNext: boolean;
  /** Everything off, e.g. while not connected. */
  declare disabled: boolean;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .run {
        margin-inline-start: auto;
      }
      /* on a phone used as a remote: two big thumb targets */
      @media (max-width: 48rem) {
        button {
          flex: 1 1 40%;
          min-height: 3.5rem;
        }
        .run {
          flex-basis: 100%;
          min-height: 2.75rem;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.canPrev = false;
    this.canNext = false;
    this.disabled = false;
  }

  override render() {
    return html`
      <button type="button" ?disabled=${this.disabled || !this.canPrev} @click=${() => this.#navigate('prev')}>
        ← Previous
      </button>
      <button type="button" class="primary" ?disabled=${this.disabled || !this.canNext} @click=${() => this.#navigate('next')}>
        Next →
      </button>
      <button type="button" class="run" ?disabled=${this.disabled} @click=${this.#startRun}>Start new run</button>
    `;
  }

  #navigate(direction: NavigateDirection) {
    this.dispatchEvent(new CustomEvent<NavigateDirection>('navigate', { detail: direction, bubbles: true, composed: true }));
  }

  #startRun() {
    // a new run resets the slide for everyone; one accidental click must not do that
    if (!confirm('Start a new run? Everyone goes back to slide 1; the current run keeps its results.')) return;
    this.dispatchEvent(new Event('start-run', { bubbles: true, composed: true }));
  }
}

customElements.define('presenter-controls', PresenterControls);

declare global {
  interface HTMLElementTagNameMap {
    'presenter-controls': PresenterControls;
  }
}
