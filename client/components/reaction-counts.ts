import { LitElement, css, html } from 'lit';
import { REACTION_KINDS, REACTIONS, type ReactionCounts } from '../lib/reactions.js';
import { srOnly } from './shared-styles.js';

/**
 * How the room reacts to the slide on screen, kind by kind, for the presenter's eyes. "Lost me"
 * stands out as soon as anyone taps it.
 */
export class ReactionCountsView extends LitElement {
  static override properties = {
    counts: { attribute: false },
  };

  declare counts: ReactionCounts;

  static override styles = [
    srOnly,
    css`
    :host {
      display: block;
    }
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.35rem;
    }
    li {
      display: inline-flex;
      align-items: center;
      gap: 0.3em;
      padding: 0.15em 0.6em;
      border: 1px solid var(--border);
      border-radius: 999px;
      font-variant-numeric: tabular-nums;
    }
    li.zero {
      color: var(--muted);
    }
    li.lost:not(.zero) {
      border-color: var(--warn);
      color: var(--warn);
      font-weight: 700;
    }
    .show {
      font-family: var(--emoji);
      font-size: 1.1em;
    }
    .lost .show {
      font-family: inherit;
      font-size: 0.85em;
    }
  `,
  ];

  constructor() {
    super();
    this.counts = {};
  }

  override render() {
    return html`<ul>
      ${REACTION_KINDS.map((kind) => {
        const n = this.counts[kind] ?? 0;
        return html`<li class="${kind === 'lost' ? 'lost' : ''} ${n ? '' : 'zero'}">
          <span class="show" aria-hidden="true">${REACTIONS[kind].show}</span><span class="sr-only">${REACTIONS[kind].name}:</span>
          <span class="n">${n}</span>
        </li>`;
      })}
    </ul>`;
  }
}

customElements.define('reaction-counts', ReactionCountsView);

declare global {
  interface HTMLElementTagNameMap {
    'reaction-counts': ReactionCountsView;
  }
}
