import { LitElement, css, html } from 'lit';
import { buttonStyles } from './shared-styles.js';

/** Detail of the `navigate` event. */
export type NavigateDirection = 'prev' | 'next';

/**
 * Previous / next buttons, "End talk" and "Start new run". Only reports what was pressed; the page decides.
 *
 * @fires navigate - CustomEvent<NavigateDirection> when prev or next is pressed
 * @fires start-run - when the presenter confirmed starting a new run
 * @fires end-run - when the presenter confirmed ending the talk (the handout opens to everyone)
 */
export class PresenterControls extends LitElement {
  static override properties = {
    canPrev: { type: Boolean },
    canNext: { type: Boolean },
    disabled: { type: Boolean },
    ended: { type: Boolean },
  };

  declare canPrev: boolean;
  declare canNext: boolean;
  /** Everything off, e.g. while not connected. */
  declare disabled: boolean;
  /** The run has ended: the slides stay put until a new run starts. */
  declare ended: boolean;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .end {
        margin-inline-start: auto;
      }
      .ended {
        margin: 0 0 0 auto;
        font-weight: 600;
      }
      /* on a phone used as a remote: two big thumb targets */
      @media (max-width: 48rem) {
        button {
          flex: 1 1 40%;
          min-height: 3.5rem;
        }
        .run,
        .end,
        .ended {
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
    this.ended = false;
  }

  override render() {
    return html`
      <button type="button" ?disabled=${this.disabled || this.ended || !this.canPrev} @click=${() => this.#navigate('prev')}>
        ← Previous
      </button>
      <button type="button" class="primary" ?disabled=${this.disabled || this.ended || !this.canNext} @click=${() => this.#navigate('next')}>
        Next →
      </button>
      ${this.ended
        ? html`<p class="ended" role="status">The talk has ended: the handout is open to everyone.</p>`
        : html`<button type="button" class="end" ?disabled=${this.disabled} @click=${this.#endRun}>End talk</button>`}
      <button type="button" class="run" ?disabled=${this.disabled} @click=${this.#startRun}>Start new run</button>
    `;
  }

  #navigate(direction: NavigateDirection) {
    this.dispatchEvent(new CustomEvent<NavigateDirection>('navigate', { detail: direction, bubbles: true, composed: true }));
  }

  #endRun() {
    // the end opens the handout and stops the slides; one stray click must not do that
    if (!confirm('End the talk? Phones get a link to the slides and results; the slides stay where they are until you start a new run.')) return;
    this.dispatchEvent(new Event('end-run', { bubbles: true, composed: true }));
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
