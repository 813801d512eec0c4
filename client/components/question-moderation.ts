import { LitElement, html, nothing } from 'lit';
import type { ModerationAction, QaMode, QuestionView } from '../../contract/events.js';
import { sortQuestions } from '../lib/questions.js';
import { questionModerationStyles } from './question-moderation-styles.js';
import { buttonStyles } from './shared-styles.js';
import './question-text.js';

/** Detail of the `moderate` event. */
export interface ModerateDetail {
  id: number;
  action: ModerationAction;
}

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });

/**
 * The presenter's Q&A: every question (pending and hidden ones too), by votes or by time, or only
 * those awaiting approval; approve, hide (or restore), mark answered, and pin one to the screen.
 *
 * @fires moderate - CustomEvent<ModerateDetail>
 * @fires more - Event: load older questions the list does not hold yet
 */
export class QuestionModeration extends LitElement {
  static override properties = {
    questions: { attribute: false },
    mode: { type: String },
    more: { type: Number },
    disabled: { type: Boolean },
    _order: { state: true },
    _pendingOnly: { state: true },
  };

  declare questions: readonly QuestionView[];
  /** How many older questions are on the server only (the page in `state` is bounded). */
  declare more: number;
  declare mode: QaMode;
  /** Buttons off, e.g. while not connected. */
  declare disabled: boolean;
  declare private _order: 'top' | 'new';
  declare private _pendingOnly: boolean;

  static override styles = [buttonStyles, questionModerationStyles];

  constructor() {
    super();
    this.more = 0;
    this.questions = [];
    this.mode = 'open';
    this.disabled = false;
    this._order = 'top';
    this._pendingOnly = false;
  }

  override render() {
    if (this.mode === 'off') return html`<p class="empty">Questions are off for this talk (<code>qa: off</code> in the deck).</p>`;
    const pending = this.questions.filter((q) => q.status === 'pending').length;
    const answered = this.questions.filter((q) => q.answered).length;
    // hidden ones last: they are out of the room's sight
    const sorted = sortQuestions(this.questions, this._order).sort((a, b) => Number(a.status === 'hidden') - Number(b.status === 'hidden'));
    const shown = this._pendingOnly ? sorted.filter((q) => q.status === 'pending') : sorted;
    return html`
      <div class="tools">
        <div class="order" role="group" aria-label="Sort questions">
          ${(['top', 'new'] as const).map(
            (o) => html`<button type="button" aria-pressed=${this._order === o} @click=${() => (this._order = o)}>${o === 'top' ? 'By votes' : 'By time'}</button>`,
          )}
        </div>
        <label><input type="checkbox" .checked=${this._pendingOnly} @change=${(e: Event) => (this._pendingOnly = (e.target as HTMLInputElement).checked)} />
          Pending only (${pending})</label>
      </div>
      <p class="summary">
        ${this.questions.length} ${this.questions.length === 1 ? 'question' : 'questions'} · ${pending} pending · ${answered} answered
        ${this.mode === 'moderated' ? html` · <strong>you approve each question</strong>` : nothing}
      </p>
      ${shown.length
        ? html`<ol>${shown.map((q) => this.#item(q))}</ol>`
        : html`<p class="empty">${this._pendingOnly ? 'Nothing waits for approval.' : 'No questions yet. Phones ask from the Questions tab.'}</p>`}
      ${this.more > 0
        ? html`<button type="button" class="more" @click=${() => this.dispatchEvent(new Event('more', { bubbles: true, composed: true }))}>
            Show ${this.more} older ${this.more === 1 ? 'question' : 'questions'}
          </button>`
        : nothing}
    `;
  }

  #item(q: QuestionView) {
    const tags = [
      q.pinned ? 'On screen' : '',
      q.status === 'pending' ? 'Pending' : q.status === 'hidden' ? 'Hidden' : '',
      q.answered ? '✓ Answered' : '',
    ].filter(Boolean);
    return html`<li class=${q.status === 'approved' ? (q.pinned ? 'pinned' : '') : q.status}>
      <question-text .text=${q.text}></question-text>
      <p class="meta">
        <span class="votes">▲ ${q.votes}</span>
        <span>${q.name ?? 'Anonymous'}</span>
        <span>slide ${q.slide + 1} · ${time.format(q.at)}</span>
        ${tags.map((t) => html`<span class="tag">${t}</span>`)}
      </p>
      <div class="actions">${this.#buttons(q)}</div>
    </li>`;
  }

  #buttons(q: QuestionView) {
    const button = (action: ModerationAction, label: string, primary = false) =>
      html`<button type="button" class=${primary ? 'primary' : ''} ?disabled=${this.disabled} @click=${() => this.#act(q.id, action)}>${label}</button>`;
    if (q.status === 'hidden') return button('approve', 'Restore');
    return html`
      ${q.status === 'pending' ? button('approve', 'Approve', true) : nothing}
      ${q.pinned ? button('unpin', 'Unpin') : button('pin', 'Pin to screen', q.status === 'approved')}
      ${q.status === 'approved' ? (q.answered ? button('unanswer', 'Not answered') : button('answer', 'Mark answered')) : nothing}
      ${button('hide', 'Hide')}
    `;
  }

  #act(id: number, action: ModerationAction): void {
    this.dispatchEvent(new CustomEvent<ModerateDetail>('moderate', { detail: { id, action }, bubbles: true, composed: true }));
  }
}

customElements.define('question-moderation', QuestionModeration);

declare global {
  interface HTMLElementTagNameMap {
    'question-moderation': QuestionModeration;
  }
}
