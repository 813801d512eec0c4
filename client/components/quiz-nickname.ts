import { LitElement, css, html, nothing } from 'lit';
import { MAX_NICKNAME_LENGTH } from '../../contract/limits.js';
import { buttonStyles } from './shared-styles.js';

/** Where a nickname change stands, as the page tracks it. */
export type NicknameProgress = { state: 'idle' } | { state: 'sending' } | { state: 'saved'; nickname: string | null } | { state: 'refused'; message: string };

/**
 * A phone's optional name on the quiz leaderboard: one field and a button. Empty means anonymous
 * ("Player 17"). Shows the server's refusal (taken, not allowed) as it was given.
 *
 * @fires nickname - CustomEvent<string> with the name as typed
 */
export class QuizNickname extends LitElement {
  static override properties = {
    nickname: { attribute: false },
    progress: { attribute: false },
    _draft: { state: true },
  };

  /** The name the server holds for this phone; null while anonymous. */
  declare nickname: string | null;
  declare progress: NicknameProgress;
  declare private _draft: string | undefined;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        align-items: end;
        gap: 0.5rem;
      }
      label {
        flex: 1 1 12rem;
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
        font-size: 0.95rem;
      }
      input {
        font: inherit;
        min-height: 2.75rem;
        padding: 0.4rem 0.6rem;
        color: var(--fg);
        background: var(--bg);
        border: 1px solid var(--border);
        border-radius: var(--radius);
      }
      p {
        margin: 0.4rem 0 0;
        font-size: 0.95rem;
      }
      .saved {
        color: var(--ok);
      }
      .refused {
        color: var(--danger);
        font-weight: 600;
      }
    `,
  ];

  constructor() {
    super();
    this.nickname = null;
    this.progress = { state: 'idle' };
    this._draft = undefined;
  }

  override render() {
    const value = this._draft ?? this.nickname ?? '';
    const p = this.progress;
    const changed = value.trim() !== (this.nickname ?? '');
    return html`<form @submit=${this.#submit}>
        <label>
          Name for the leaderboard
          <input name="nickname" maxlength=${MAX_NICKNAME_LENGTH} autocomplete="nickname" placeholder="Optional" .value=${value}
            @input=${(e: Event) => (this._draft = (e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" ?disabled=${p.state === 'sending' || !changed}>${p.state === 'sending' ? 'Saving…' : 'Save name'}</button>
      </form>
      ${p.state === 'refused'
        ? html`<p class="refused" role="alert">${p.message}</p>`
        : p.state === 'saved'
          ? html`<p class="saved" role="status">✓ ${p.nickname ? `You appear as ${p.nickname}` : 'You play anonymously'}</p>`
          : nothing}`;
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    if (this.progress.state === 'sending') return;
    const name = (this._draft ?? this.nickname ?? '').trim();
    this.dispatchEvent(new CustomEvent<string>('nickname', { detail: name, bubbles: true, composed: true }));
  }
}

customElements.define('quiz-nickname', QuizNickname);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-nickname': QuizNickname;
  }
}
