import { LitElement, css, html } from 'lit';
import type { SlideData } from '../lib/api.js';

/**
 * Every slide as a numbered button, for jumping anywhere in the talk; the current one is
 * marked, and so are the slides that hold a poll.
 *
 * @fires goto - CustomEvent<number> with the slide index picked
 */
export class SlideGrid extends LitElement {
  static override properties = {
    slides: { attribute: false },
    current: { type: Number },
    disabled: { type: Boolean },
  };

  declare slides: SlideData[];
  declare current: number;
  declare disabled: boolean;

  static override styles = css`
    :host {
      display: block;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr));
      gap: 0.5rem;
    }
    button {
      inline-size: 100%;
      min-block-size: 3.25rem;
      display: flex;
      align-items: center;
      gap: 0.5rem;
      padding: 0.4rem 0.6rem;
      font: inherit;
      font-size: 0.9rem;
      text-align: start;
      color: var(--fg);
      background: var(--surface);
      border: 2px solid var(--border);
      border-radius: var(--radius);
      cursor: pointer;
    }
    button[aria-current='true'] {
      border-color: var(--accent);
      background: color-mix(in srgb, var(--accent) 16%, var(--surface));
    }
    button:focus-visible {
      outline: 3px solid var(--accent);
      outline-offset: 2px;
    }
    button:disabled {
      cursor: default;
      opacity: 0.6;
    }
    .n {
      flex: none;
      min-inline-size: 1.6rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
      color: var(--muted);
    }
    .title {
      flex: 1;
      overflow: hidden;
      display: -webkit-box;
      -webkit-line-clamp: 2;
      -webkit-box-orient: vertical;
    }
    .tag {
      flex: none;
      font-size: 0.75rem;
      padding: 0 0.4em;
      border-radius: 999px;
      border: 1px solid currentColor;
      color: var(--muted);
    }
    [aria-current='true'] .tag,
    [aria-current='true'] .n {
      color: var(--fg);
    }
  `;

  constructor() {
    super();
    this.slides = [];
    this.current = 0;
    this.disabled = false;
  }

  override render() {
    return html`<ol>
      ${this.slides.map((s) => {
        const hasPoll = s.html.includes('data-poll=');
        return html`<li>
          <button type="button" aria-current=${s.index === this.current ? 'true' : 'false'} ?disabled=${this.disabled}
            @click=${() => this.#goto(s.index)}>
            <span class="n">${s.label ?? s.index + 1}</span><span class="title">${s.title}</span>${hasPoll ? html`<span class="tag">Poll</span>` : null}
          </button>
        </li>`;
      })}
    </ol>`;
  }

  #goto(index: number): void {
    this.dispatchEvent(new CustomEvent<number>('goto', { detail: index, bubbles: true, composed: true }));
  }
}

customElements.define('slide-grid', SlideGrid);

declare global {
  interface HTMLElementTagNameMap {
    'slide-grid': SlideGrid;
  }
}
