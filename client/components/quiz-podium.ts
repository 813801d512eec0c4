import { LitElement, css, html, nothing } from 'lit';
import type { QuizPlayer } from '../../contract/events.js';
import { formatPoints, ordinal } from '../lib/quiz.js';

/**
 * The quiz leaderboard a ```leaderboard slide shows: the first three on a podium (1st in the
 * middle and tallest, 2nd on the left, 3rd on the right) with names and scores, the places after
 * them listed below, up to `top`. "No scores yet" before any answer was shown.
 *
 * With `fit` (projector, presenter) it fills a 16:9 box and sizes itself to the box, so nothing is
 * cut off at any projector size; without it (phones) it flows at the page's size.
 */
export class QuizPodium extends LitElement {
  static override properties = {
    players: { attribute: false },
    top: { type: Number },
    heading: { type: String },
    fit: { type: Boolean, reflect: true },
  };

  /** The best players, best first (the standing's `top`). */
  declare players: QuizPlayer[];
  /** How many to show (the block's `top:`). */
  declare top: number;
  declare heading: string;
  declare fit: boolean;

  static override styles = css`
    :host {
      display: block;
      background: var(--bg);
      color: var(--fg);
    }
    :host([fit]) {
      aspect-ratio: 16 / 9;
      container-type: size;
      overflow: hidden;
    }
    section {
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      gap: 0.75rem;
    }
    :host([fit]) section {
      block-size: 100%;
      padding: 4cqh 6cqw 5cqh;
      gap: 2.5cqh;
      font-size: calc(100cqw / 40);
    }
    h2 {
      margin: 0;
      font-size: 1.6em;
      line-height: 1.15;
      text-align: center;
      text-wrap: balance;
    }
    .podium {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(3, minmax(0, 1fr));
      align-items: end;
      gap: 0.5em;
      block-size: 12rem;
    }
    :host([fit]) .podium {
      flex: 1 1 55%;
      block-size: auto;
      min-block-size: 0;
      gap: 2cqw;
    }
    .place {
      display: flex;
      flex-direction: column;
      justify-content: flex-end;
      align-items: stretch;
      block-size: 100%;
      min-inline-size: 0;
      text-align: center;
    }
    /* read in rank order, seen as 2nd, 1st, 3rd */
    .place:nth-child(1) {
      grid-area: 1 / 2;
    }
    .place:nth-child(2) {
      grid-area: 1 / 1;
    }
    .place:nth-child(3) {
      grid-area: 1 / 3;
    }
    .name {
      font-weight: 700;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    .score {
      color: var(--muted);
      font-variant-numeric: tabular-nums;
      font-size: 0.85em;
      margin-block-end: 0.3em;
    }
    .step {
      display: grid;
      place-items: start center;
      padding-block-start: 0.3em;
      border-radius: var(--radius) var(--radius) 0 0;
      background: var(--accent);
      color: var(--on-accent);
      font-weight: 800;
      font-size: 1.3em;
    }
    .rank-1 .step {
      block-size: 78%;
    }
    .rank-2 .step {
      block-size: 58%;
      background: color-mix(in srgb, var(--accent) 70%, var(--fg));
    }
    .rank-3 .step {
      block-size: 42%;
      background: color-mix(in srgb, var(--accent) 50%, var(--fg));
    }
    .rest {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(min(100%, 16rem), 1fr));
      gap: 0.2em 2em;
    }
    :host([fit]) .rest {
      flex: 0 1 auto;
      min-block-size: 0;
      grid-template-columns: repeat(2, minmax(0, 1fr));
      font-size: 0.85em;
    }
    .rest li {
      display: flex;
      gap: 0.6em;
      padding: 0.15em 0;
      border-block-end: 1px solid var(--border);
    }
    .rest .name {
      flex: 1;
      font-weight: 600;
    }
    .rest .rank,
    .rest .score {
      flex: none;
      margin: 0;
      font-variant-numeric: tabular-nums;
    }
    .empty {
      flex: 1;
      display: grid;
      place-items: center;
      margin: 0;
      color: var(--muted);
      font-size: 1.4em;
    }
  `;

  constructor() {
    super();
    this.players = [];
    this.top = 5;
    this.heading = 'Leaderboard';
    this.fit = false;
  }

  override render() {
    const shown = this.players.slice(0, Math.max(1, this.top));
    const podium = shown.slice(0, 3);
    const rest = shown.slice(3);
    return html`<section aria-label=${this.heading}>
      <h2>${this.heading}</h2>
      ${shown.length === 0
        ? html`<p class="empty">No scores yet</p>`
        : html`<ol class="podium" aria-label="Podium">
              ${podium.map(
                (p) => html`<li class="place rank-${Math.min(p.rank, 3)}">
                  <span class="name">${p.name}</span>
                  <span class="score">${formatPoints(p.score)}</span>
                  <span class="step">${ordinal(p.rank)}</span>
                </li>`,
              )}
            </ol>
            ${rest.length
              ? html`<ol class="rest" aria-label="And then">
                  ${rest.map(
                    (p) => html`<li><span class="rank">${ordinal(p.rank)}</span><span class="name">${p.name}</span><span class="score">${formatPoints(p.score)}</span></li>`,
                  )}
                </ol>`
              : nothing}`}
    </section>`;
  }
}

customElements.define('quiz-podium', QuizPodium);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-podium': QuizPodium;
  }
}
