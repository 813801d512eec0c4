import { LitElement, css, html, nothing } from 'lit';
import type { PollResults, PollView } from '../../contract/events.js';
import { rightLine } from '../lib/quiz.js';

/**
 * A quiz question once its answer is shown, as the projector shows it: every option, the right
 * ones marked by colour, a check mark and the words "Right answer" (never colour alone), the
 * others dimmed; each option's count when the deck shows results; and "12 of 30 got it right".
 * Sizes in em: the stage around it sets the font size.
 */
export class QuizReveal extends LitElement {
  static override properties = {
    poll: { attribute: false },
    results: { attribute: false },
  };

  declare poll: PollView | null;
  declare results: PollResults | undefined;

  static override styles = css`
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.6em;
      min-block-size: 0;
    }
    ol {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.4em;
    }
    li {
      display: flex;
      align-items: center;
      gap: 0.6em;
      padding: 0.35em 0.7em;
      border: 0.12em solid var(--border);
      border-radius: var(--radius);
    }
    .mark {
      flex: none;
      inline-size: 1.2em;
      text-align: center;
      font-weight: 800;
    }
    .option {
      flex: 1;
      min-inline-size: 0;
      overflow-wrap: anywhere;
    }
    .tag {
      flex: none;
      font-size: 0.75em;
      font-weight: 700;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .count {
      flex: none;
      font-variant-numeric: tabular-nums;
      color: var(--muted);
    }
    .right {
      border-color: var(--ok);
      background: color-mix(in srgb, var(--ok) 14%, var(--bg));
      font-weight: 700;
    }
    .right .mark,
    .right .tag {
      color: var(--ok);
    }
    .wrong {
      opacity: 0.55;
    }
    .summary {
      margin: 0;
      font-size: 1.2em;
      font-weight: 700;
    }
  `;

  constructor() {
    super();
    this.poll = null;
    this.results = undefined;
  }

  override render() {
    const poll = this.poll;
    if (!poll?.correct) return nothing;
    const correct = new Set(poll.correct);
    const r = this.results;
    const counts = r && !poll.resultsHidden && (r.type === 'single' || r.type === 'multiple') ? r : undefined;
    return html`<ol aria-label="Answers">
        ${(poll.options ?? []).map((option, i) => {
          const right = correct.has(option);
          return html`<li class=${right ? 'right' : 'wrong'}>
            <span class="mark" aria-hidden="true">${right ? '✓' : ''}</span>
            <span class="option">${option}</span>
            ${right ? html`<span class="tag">Right answer</span>` : nothing}
            ${counts ? html`<span class="count">${counts.counts[i] ?? 0}</span>` : nothing}
          </li>`;
        })}
      </ol>
      <p class="summary">${rightLine(poll, r)}</p>`;
  }
}

customElements.define('quiz-reveal', QuizReveal);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-reveal': QuizReveal;
  }
}
