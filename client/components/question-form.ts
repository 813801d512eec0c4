import { LitElement, css, html, nothing } from 'lit';
import { MAX_NAME_LENGTH, MAX_QUESTION_LENGTH } from '../../contract/limits.js';
import { buttonStyles } from './shared-styles.js';

/** Where this phone's last question stands, as the page tracks it. */
export type AskProgress =
  | { state: 'idle' }
  | { state: 'sending' }
  | { state: 'sent'; pending: boolean }
  | { state: 'refused'; message: string };

/** Detail of the `ask` event. */
export interface AskDetail {
  text: string;
  name?: string;
}

const chars = (s: string) => [...s].length;

/**
 * The phone's "ask a question" form: a text box with a live count (280 characters), an optional
 * name (anonymous unless given), and what became of the last question. The text clears once the
 * server has it; the name stays for the next one.
 *
 * @fires ask - CustomEvent<AskDetail>
 */
export class QuestionForm extends LitElement {
  static override properties = {
    progress: { attribute: false },
    _text: { state: true },
    _name: { state: true },
  };

  declare progress: AskProgress;
  declare private _text: string;
  declare private _name: string;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: 0.5rem;
      }
      label {
        font-weight: 600;
      }
      textarea,
      input {
        font: inherit;
        color: var(--fg);
        background: var(--bg);
        border: 1px solid var(--border);
        border-radius: var(--radius);
        padding: 0.5em 0.65em;
        min-height: 2.75rem;
        inline-size: 100%;
        box-sizing: border-box;
      }
      textarea {
        min-block-size: 5.5rem;
        resize: vertical;
      }
      textarea:focus-visible {
        outline: 3px solid var(--accent);
        outline-offset: 2px;
      }
      .row {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 0.75rem;
        flex-wrap: wrap;
      }
      .count,
      .hint {
        margin: 0;
        color: var(--muted);
        font-size: 0.85rem;
      }
      .count.full {
        color: var(--danger);
        font-weight: 600;
      }
      .status {
        margin: 0;
        font-weight: 600;
      }
      .sent {
        color: var(--ok);
      }
      .refused {
        color: var(--danger);
      }
    `,
  ];

  constructor() {
    super();
    this.progress = { state: 'idle' };
    this._text = '';
    this._name = '';
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('progress') && this.progress.state === 'sent') this._text = '';
  }

  override render() {
    const used = chars(this._text);
    const busy = this.progress.state === 'sending';
    return html`<form @submit=${this.#submit}>
      <label for="q">Your question</label>
      <textarea id="q" aria-describedby="count" maxlength=${MAX_QUESTION_LENGTH} .value=${this._text}
        @input=${(e: Event) => (this._text = (e.target as HTMLTextAreaElement).value)}></textarea>
      <p id="count" class="count ${used >= MAX_QUESTION_LENGTH ? 'full' : ''}">${used} / ${MAX_QUESTION_LENGTH} characters</p>
      <label for="name">Your name <span class="hint">(optional — anonymous without it)</span></label>
      <input id="name" type="text" autocomplete="nickname" maxlength=${MAX_NAME_LENGTH} .value=${this._name}
        @input=${(e: Event) => (this._name = (e.target as HTMLInputElement).value)} />
      <div class="row">
        <p class="status" role="status">${this.#status()}</p>
        <button type="submit" class="primary" ?disabled=${busy || !this._text.trim()}>${busy ? 'Sending…' : 'Ask'}</button>
      </div>
      ${this.progress.state === 'refused' ? html`<p class="status refused" role="alert">${this.progress.message}</p>` : nothing}
    </form>`;
  }

  #status() {
    const p = this.progress;
    if (p.state !== 'sent') return '';
    return html`<span class="sent">${p.pending ? '✓ Sent — the presenter will approve it' : '✓ Question sent'}</span>`;
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    const text = this._text.trim();
    const name = this._name.trim();
    if (!text || this.progress.state === 'sending') return;
    this.dispatchEvent(new CustomEvent<AskDetail>('ask', { detail: name ? { text, name } : { text }, bubbles: true, composed: true }));
  }
}

customElements.define('question-form', QuestionForm);

declare global {
  interface HTMLElementTagNameMap {
    'question-form': QuestionForm;
  }
}
