import { LitElement, css, html, nothing } from 'lit';
import type { QaMode, QuestionView } from '../../contract/events.js';
import type { AskProgress } from './question-form.js';
import './question-form.js';
import './question-list.js';

/**
 * Q&A on a phone: the form to ask and the list to upvote, with a word on moderation when the
 * presenter approves questions first. Loaded on demand, so the first page load stays small.
 * Re-fires its children's events for the page to send.
 *
 * @fires ask - CustomEvent<AskDetail> (from question-form)
 * @fires upvote - CustomEvent<UpvoteDetail> (from question-list)
 * @fires more - Event (from question-list): load older questions
 */
export class QaPanel extends LitElement {
  static override properties = {
    mode: { type: String },
    questions: { attribute: false },
    upvoted: { attribute: false },
    progress: { attribute: false },
    more: { type: Number },
  };

  declare mode: QaMode;
  declare questions: readonly QuestionView[];
  declare upvoted: ReadonlySet<number>;
  /** Where this phone's last question stands. */
  declare progress: AskProgress;
  /** How many questions are on the server only (question-list offers to load them). */
  declare more: number;

  static override styles = css`
    :host {
      display: grid;
      gap: 1.25rem;
    }
    h2 {
      margin: 0 0 0.25rem;
      font-size: 1.3rem;
    }
    .note {
      margin: 0;
      color: var(--muted);
      font-size: 0.9rem;
    }
    section {
      padding: 1rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: color-mix(in srgb, var(--surface) 60%, var(--bg));
    }
    h3 {
      margin: 0 0 0.6rem;
      font-size: 1.05rem;
    }
  `;

  constructor() {
    super();
    this.mode = 'off';
    this.questions = [];
    this.upvoted = new Set();
    this.progress = { state: 'idle' };
  }

  override render() {
    if (this.mode === 'off') return nothing;
    const count = this.questions.length;
    return html`
      <div>
        <h2>Questions</h2>
        <p class="note">
          ${this.mode === 'moderated'
            ? 'The presenter approves questions before everyone sees them.'
            : 'Everyone sees your question at once. Upvote the ones you want answered.'}
        </p>
      </div>
      <section aria-labelledby="ask-h">
        <h3 id="ask-h">Ask a question</h3>
        <question-form .progress=${this.progress}></question-form>
      </section>
      <section aria-labelledby="list-h">
        <h3 id="list-h">${count === 1 ? '1 question' : `${count} questions`}</h3>
        <question-list .questions=${this.questions} .upvoted=${this.upvoted} .more=${this.more ?? 0}></question-list>
      </section>
    `;
  }
}

customElements.define('qa-panel', QaPanel);

declare global {
  interface HTMLElementTagNameMap {
    'qa-panel': QaPanel;
  }
}
