import { LitElement, css, html } from 'lit';
import { buttonStyles } from './shared-styles.js';

/**
 * Asks for the presenter key. Shows why a previous key was refused, if it was.
 *
 * @fires key-submit - CustomEvent<string> with the key typed
 */
export class KeyForm extends LitElement {
  static override properties = {
    error: { type: String },
    moderator: { type: Boolean },
  };

  /** Why the last key did not work; empty when there is nothing to say. */
  declare error: string;
  /** The moderator's page (/:slug/moderate): asks for the moderator key. */
  declare moderator: boolean;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
        max-width: 28rem;
        margin: 10vh auto;
        padding: 1.5rem;
        background: var(--surface);
        border: 1px solid var(--border);
        border-radius: var(--radius);
      }
      h1 {
        font-size: 1.25rem;
        margin: 0 0 0.75rem;
      }
      label {
        display: block;
        margin-bottom: 0.35rem;
      }
      .row {
        display: flex;
        gap: 0.5rem;
      }
      input {
        flex: 1;
        min-width: 0;
        font: inherit;
        padding: 0.5em;
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: var(--bg);
        color: var(--fg);
      }
      .error {
        color: var(--danger);
        margin: 0 0 0.75rem;
      }
      .hint {
        color: var(--muted);
        font-size: 0.9rem;
      }
    `,
  ];

  constructor() {
    super();
    this.error = '';
    this.moderator = false;
  }

  override render() {
    return html`
      <h1>${this.moderator ? 'Moderator key' : 'Presenter key'}</h1>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : null}
      <form @submit=${this.#submit}>
        <label for="key">Enter the key printed when the server started</label>
        <div class="row">
          <input id="key" name="key" type="password" autocomplete="current-password" required autofocus
            aria-invalid=${this.error ? 'true' : 'false'} />
          <button type="submit" class="primary">${this.moderator ? 'Moderate' : 'Present'}</button>
        </div>
      </form>
      <p class="hint">The key is kept in this browser for this talk.</p>
    `;
  }

  #submit(e: SubmitEvent) {
    e.preventDefault();
    const key = String(new FormData(e.target as HTMLFormElement).get('key') ?? '').trim();
    if (key) this.dispatchEvent(new CustomEvent<string>('key-submit', { detail: key, bubbles: true, composed: true }));
  }
}

customElements.define('key-form', KeyForm);

declare global {
  interface HTMLElementTagNameMap {
    'key-form': KeyForm;
  }
}
