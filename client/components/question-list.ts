import { LitElement, css, html, nothing } from 'lit';
import type { QuestionView } from '../../contract/events.js';
import { sortQuestions, type QuestionOrder } from '../lib/questions.js';
import { buttonStyles, srOnly } from './shared-styles.js';
import './question-text.js';

/** Detail of the `upvote` event. */
export interface UpvoteDetail {
  id: number;
  up: boolean;
}

/**
 * The questions on a phone, most upvoted first or newest first: the one on the screen
 * highlighted, answered ones marked, this phone's own pending ones "awaiting approval". Each
 * approved question has a large upvote toggle.
 *
 * @fires upvote - CustomEvent<UpvoteDetail>
 * @fires more - Event: the reader asked for the older questions the list does not hold yet
 */
export class QuestionList extends LitElement {
  static override properties = {
    questions: { attribute: false },
    upvoted: { attribute: false },
    more: { type: Number },
    _order: { state: true },
  };

  declare questions: readonly QuestionView[];
  /** The questions this phone has upvoted. */
  declare upvoted: ReadonlySet<number>;
  /** How many questions the server holds that this list does not (the phone got a page of them). */
  declare more: number;
  declare private _order: QuestionOrder;

  static override styles = [
    buttonStyles,
    srOnly,
    css`
      :host {
        display: block;
      }
      .order {
        display: flex;
        gap: 0.4rem;
        margin-bottom: 0.75rem;
      }
      .order button[aria-pressed='true'] {
        background: var(--fg);
        color: var(--bg);
        border-color: var(--fg);
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.6rem;
      }
      li {
        display: flex;
        gap: 0.75rem;
        align-items: flex-start;
        padding: 0.75rem;
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: var(--bg);
      }
      li.pinned {
        border: 2px solid var(--accent);
        background: color-mix(in srgb, var(--accent) 10%, var(--bg));
      }
      li.answered question-text {
        color: var(--muted);
      }
      .body {
        flex: 1;
        min-width: 0;
      }
      .meta {
        margin: 0.35rem 0 0;
        color: var(--muted);
        font-size: 0.85rem;
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.6rem;
      }
      .tag {
        font-weight: 650;
        color: var(--fg);
      }
      .up {
        flex: none;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        min-width: 3.25rem;
        min-height: 3.25rem;
        padding: 0.25rem;
        line-height: 1.1;
      }
      .up[aria-pressed='true'] {
        background: var(--accent);
        border-color: var(--accent);
        color: var(--on-accent);
      }
      .arrow {
        font-size: 1.1rem;
      }
      .votes {
        font-weight: 700;
      }
      .empty {
        color: var(--muted);
        margin: 0;
      }
      .more {
        margin-top: 0.75rem;
        width: 100%;
      }
    `,
  ];

  constructor() {
    super();
    this.questions = [];
    this.upvoted = new Set();
    this.more = 0;
    this._order = 'top';
  }

  override render() {
    if (!this.questions.length) return html`<p class="empty">No questions yet. Ask the first one!</p>`;
    return html`
      <div class="order" role="group" aria-label="Order">
        ${(['top', 'new'] as const).map(
          (o) => html`<button type="button" aria-pressed=${this._order === o} @click=${() => (this._order = o)}>${o === 'top' ? 'Top' : 'Newest'}</button>`,
        )}
      </div>
      <ol aria-label="Questions">
        ${sortQuestions(this.questions, this._order).map((q) => this.#item(q))}
      </ol>
      ${this.more > 0
        ? html`<button type="button" class="more" @click=${() => this.dispatchEvent(new Event('more', { bubbles: true, composed: true }))}>
            Show ${this.more} more ${this.more === 1 ? 'question' : 'questions'}
          </button>`
        : nothing}
    `;
  }

  #item(q: QuestionView) {
    const up = this.upvoted.has(q.id);
    const pending = q.status === 'pending';
    return html`<li class="${q.pinned ? 'pinned' : ''} ${q.answered ? 'answered' : ''}">
      <div class="body">
        <question-text .text=${q.text}></question-text>
        <p class="meta">
          <span>${q.name ?? 'Anonymous'}${q.mine ? ' (you)' : ''}</span>
          ${q.pinned ? html`<span class="tag">On screen now</span>` : nothing}
          ${q.answered ? html`<span class="tag">✓ Answered</span>` : nothing}
          ${pending ? html`<span class="tag">Awaiting approval</span>` : nothing}
        </p>
      </div>
      ${pending
        ? nothing
        : html`<button type="button" class="up" aria-pressed=${up} aria-label="Upvote, ${q.votes} ${q.votes === 1 ? 'vote' : 'votes'}"
            @click=${() => this.#upvote(q.id, !up)}>
            <span class="arrow" aria-hidden="true">▲</span><span class="votes">${q.votes}</span>
          </button>`}
    </li>`;
  }

  #upvote(id: number, up: boolean): void {
    this.dispatchEvent(new CustomEvent<UpvoteDetail>('upvote', { detail: { id, up }, bubbles: true, composed: true }));
  }
}

customElements.define('question-list', QuestionList);

declare global {
  interface HTMLElementTagNameMap {
    'question-list': QuestionList;
  }
}
