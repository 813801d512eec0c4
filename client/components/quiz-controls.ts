import { LitElement, css, html, nothing } from 'lit';
import type { PollResults, PollView, QuizStanding } from '../../contract/events.js';
import { formatPoints, ordinal, rightLine } from '../lib/quiz.js';
import { buttonStyles } from './shared-styles.js';

/** How many players the console lists. */
const CONSOLE_TOP = 5;

/**
 * The presenter's quiz controls beside the poll panel: for a quiz question, whether its answer is
 * shown yet and the "Show answer" button (which closes voting and scores the answers); and the
 * run's standings so far, the first five.
 *
 * @fires quiz-reveal - CustomEvent<string> with the poll's id
 */
export class QuizControls extends LitElement {
  static override properties = {
    poll: { attribute: false },
    results: { attribute: false },
    standing: { attribute: false },
    disabled: { type: Boolean },
  };

  /** The poll on screen; the button shows for a quiz question only. */
  declare poll: PollView | null;
  declare results: PollResults | undefined;
  declare standing: QuizStanding | undefined;
  declare disabled: boolean;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      .answer {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem 0.75rem;
        margin: 0 0 0.75rem;
      }
      .state {
        margin: 0;
        color: var(--muted);
      }
      .state strong {
        color: var(--fg);
      }
      h3 {
        margin: 0 0 0.35rem;
        font-size: 1rem;
      }
      ol {
        margin: 0;
        padding: 0;
        list-style: none;
        font-size: 0.95rem;
      }
      li {
        display: flex;
        gap: 0.5rem;
        padding: 0.15rem 0;
      }
      .name {
        flex: 1;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
      }
      .rank,
      .score {
        font-variant-numeric: tabular-nums;
      }
      .rank {
        min-width: 2.5em;
        color: var(--muted);
      }
      .empty {
        margin: 0;
        color: var(--muted);
      }
    `,
  ];

  constructor() {
    super();
    this.poll = null;
    this.results = undefined;
    this.standing = undefined;
    this.disabled = false;
  }

  override render() {
    const poll = this.poll?.quiz ? this.poll : null;
    const s = this.standing;
    return html`
      ${poll ? this.#answer(poll) : nothing}
      ${s
        ? html`<h3>Standings <span class="state">· ${s.players} ${s.players === 1 ? 'player' : 'players'}, ${s.shown} of ${s.questions} answers shown</span></h3>
            ${s.top.length
              ? html`<ol aria-label="Top players">
                  ${s.top.slice(0, CONSOLE_TOP).map(
                    (p) => html`<li><span class="rank">${ordinal(p.rank)}</span><span class="name">${p.name}</span><span class="score">${formatPoints(p.score)}</span></li>`,
                  )}
                </ol>`
              : html`<p class="empty">No scores yet</p>`}`
        : nothing}
    `;
  }

  #answer(poll: PollView) {
    const shown = Boolean(poll.correct);
    return html`<div class="answer">
      <p class="state" role="status">
        ${shown ? html`Answer <strong>shown</strong>: ${poll.correct!.join(', ')} · ${rightLine(poll, this.results)}` : html`Answer <strong>not shown yet</strong>`}
      </p>
      ${shown
        ? nothing
        : html`<button type="button" class="primary" ?disabled=${this.disabled}
            @click=${() => this.dispatchEvent(new CustomEvent<string>('quiz-reveal', { detail: poll.id, bubbles: true, composed: true }))}>Show answer</button>`}
    </div>`;
  }
}

customElements.define('quiz-controls', QuizControls);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-controls': QuizControls;
  }
}
