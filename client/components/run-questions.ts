import { LitElement, css, html, nothing } from 'lit';
import type { QuestionView } from '../../contract/events.js';
import { srOnly } from './shared-styles.js';
import './question-text.js';

const STATUS: Record<QuestionView['status'], string> = {
  approved: '',
  pending: 'never approved',
  hidden: 'hidden by the presenter',
};

/**
 * The questions of a run after the talk, most upvoted first: votes, who asked (or
 * "Anonymous"), the slide it was asked on, answered or not, and whether the room ever saw it.
 */
export class RunQuestions extends LitElement {
  static override properties = {
    questions: { attribute: false },
  };

  declare questions: readonly QuestionView[];

  static override styles = [
    srOnly,
    css`
    :host {
      display: block;
    }
    ol {
      margin: 0;
      padding: 0;
      list-style: none;
      display: grid;
      gap: 0.5rem;
    }
    li {
      display: flex;
      gap: 0.9rem;
      align-items: baseline;
      padding: 0.6rem 0.8rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      break-inside: avoid;
    }
    li.off question-text {
      color: var(--muted);
    }
    .votes {
      flex: none;
      min-inline-size: 3.5rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .body {
      flex: 1;
      min-width: 0;
    }
    .meta {
      margin: 0.2rem 0 0;
      color: var(--muted);
      font-size: 0.9rem;
    }
    .answered {
      color: var(--ok);
      font-weight: 650;
    }
    .empty {
      color: var(--muted);
      margin: 0;
    }
  `,
  ];

  constructor() {
    super();
    this.questions = [];
  }

  override render() {
    if (!this.questions.length) return html`<p class="empty">No questions were asked in this run.</p>`;
    // what the room saw first, by votes; then what it never saw
    const sorted = [...this.questions].sort(
      (a, b) => Number(a.status !== 'approved') - Number(b.status !== 'approved') || b.votes - a.votes || a.at - b.at,
    );
    return html`<ol>
      ${sorted.map(
        (q) => html`<li class=${q.status === 'approved' ? '' : 'off'}>
          <span class="votes">▲ ${q.votes}<span class="sr-only"> ${q.votes === 1 ? 'vote' : 'votes'}</span></span>
          <div class="body">
            <question-text .text=${q.text}></question-text>
            <p class="meta">
              ${q.name ?? 'Anonymous'} · slide ${q.slide + 1}
              ${q.answered ? html` · <span class="answered">✓ answered</span>` : nothing}
              ${STATUS[q.status] ? ` · ${STATUS[q.status]}` : nothing}
            </p>
          </div>
        </li>`,
      )}
    </ol>`;
  }
}

customElements.define('run-questions', RunQuestions);

declare global {
  interface HTMLElementTagNameMap {
    'run-questions': RunQuestions;
  }
}
