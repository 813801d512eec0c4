import { LitElement, css, html } from 'lit';
import type { ReaderScheme } from '../lib/theme.js';

const NEXT: Record<ReaderScheme, ReaderScheme> = { system: 'light', light: 'dark', dark: 'system' };
const LABEL: Record<ReaderScheme, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };
const ICON: Record<ReaderScheme, string> = { system: '◐', light: '☀', dark: '☾' };

/**
 * The phone's colour scheme: automatic (the system's), light or dark, one tap each in turn.
 * Shown where the deck's theme has both schemes.
 *
 * @fires change - detail: the scheme chosen next (`system`, `light` or `dark`)
 */
export class SchemeToggle extends LitElement {
  static override properties = { value: { type: String } };

  declare value: ReaderScheme;

  static override styles = css`
    button {
      font: inherit;
      font-size: 0.85rem;
      min-height: 2.75rem;
      min-width: 2.75rem;
      padding: 0.25rem 0.6rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
      color: var(--fg);
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--accent);
      outline-offset: 2px;
    }
    .icon {
      font-family: var(--emoji), sans-serif;
    }
    button {
      white-space: nowrap;
    }
    /* a small phone keeps the room for the talk's title: the icon alone (the button keeps its name) */
    @media (max-width: 420px) {
      .label {
        display: none;
      }
    }
  `;

  constructor() {
    super();
    this.value = 'system';
  }

  override render() {
    return html`<button type="button" aria-label=${`Colour scheme: ${LABEL[this.value]}. Tap for ${LABEL[NEXT[this.value]]}.`} @click=${this.#next}>
      <span class="icon" aria-hidden="true">${ICON[this.value]}</span><span class="label"> ${LABEL[this.value]}</span>
    </button>`;
  }

  readonly #next = () => {
    this.dispatchEvent(new CustomEvent<ReaderScheme>('change', { detail: NEXT[this.value], bubbles: true, composed: true }));
  };
}

customElements.define('scheme-toggle', SchemeToggle);

declare global {
  interface HTMLElementTagNameMap {
    'scheme-toggle': SchemeToggle;
  }
}
