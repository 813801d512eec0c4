import { LitElement, css, html, nothing } from 'lit';
import type { NewPollInput, PollType } from '../../contract/events.js';
import { DEFAULT_MAX_WORDS, MAX_LABEL_LENGTH, MAX_OPTIONS, MAX_POLL_QUESTION_LENGTH, MAX_TIMER_SECONDS, MIN_TIMER_SECONDS } from '../../contract/limits.js';
import { buttonStyles } from './shared-styles.js';

const TYPES: Record<PollType, string> = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  words: 'Word cloud',
  scale: 'Scale',
  text: 'Open text',
};

/**
 * The form for an ad-hoc question: the question, its type, and what the type needs (options,
 * how many picks or words, the scale's range and end labels), whether phones see results, and an
 * optional countdown that closes it (seconds).
 * Call `reset()` once the question is asked.
 *
 * @fires poll-create - CustomEvent<NewPollInput>
 */
export class PollForm extends LitElement {
  static override properties = {
    disabled: { type: Boolean },
    _type: { state: true },
  };

  declare disabled: boolean;
  declare private _type: PollType;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      form {
        display: grid;
        gap: 0.6rem;
      }
      label {
        display: grid;
        gap: 0.2rem;
        font-size: 0.9rem;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: 0.6rem;
      }
      .row label {
        flex: 1 1 6rem;
      }
      .check {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      input,
      select,
      textarea {
        font: inherit;
        color: var(--fg);
        background: var(--bg);
        border: 1px solid var(--border);
        border-radius: var(--radius);
        padding: 0.45em 0.6em;
        min-height: 2.5rem;
        box-sizing: border-box;
        width: 100%;
      }
      .check input {
        width: 1.2rem;
        min-height: 0;
      }
      select:focus-visible,
      textarea:focus-visible {
        outline: 3px solid var(--accent);
        outline-offset: 2px;
      }
    `,
  ];

  constructor() {
    super();
    this.disabled = false;
    this._type = 'single';
  }

  /** Empties the form for the next question. */
  reset(): void {
    this.renderRoot.querySelector('form')?.reset();
    this._type = 'single';
  }

  override render() {
    const t = this._type;
    return html`<form @submit=${this.#submit}>
      <label>Question <input name="question" required maxlength=${MAX_POLL_QUESTION_LENGTH} autocomplete="off" /></label>
      <label>Type
        <select name="type" @change=${(e: Event) => (this._type = (e.target as HTMLSelectElement).value as PollType)}>
          ${Object.entries(TYPES).map(([value, label]) => html`<option value=${value} ?selected=${value === t}>${label}</option>`)}
        </select>
      </label>
      ${t === 'single' || t === 'multiple'
        ? html`<label>Options, one per line <textarea name="options" rows="4" required></textarea></label>`
        : nothing}
      ${t === 'multiple' || t === 'words'
        ? html`<label>${t === 'words' ? 'Words per person' : 'Most picks per person'}
            <input name="max" type="number" min="1" max=${MAX_OPTIONS} inputmode="numeric" placeholder=${t === 'words' ? String(DEFAULT_MAX_WORDS) : 'any'} /></label>`
        : nothing}
      ${t === 'scale'
        ? html`<div class="row">
            <label>From <input name="min" type="number" value="1" inputmode="numeric" /></label>
            <label>To <input name="scaleMax" type="number" value="5" inputmode="numeric" /></label>
          </div>
          <div class="row">
            <label>Low label <input name="low" maxlength=${MAX_LABEL_LENGTH} /></label>
            <label>High label <input name="high" maxlength=${MAX_LABEL_LENGTH} /></label>
          </div>`
        : nothing}
      <label>Countdown in seconds (optional: it closes itself at zero)
        <input name="timer" type="number" min=${MIN_TIMER_SECONDS} max=${MAX_TIMER_SECONDS} step="1" inputmode="numeric" placeholder="none" /></label>
      <label class="check"><input type="checkbox" name="hidden" /> Hide results from the room until I show them</label>
      <div><button type="submit" class="primary" ?disabled=${this.disabled}>Ask now</button></div>
    </form>`;
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const num = (name: string) => (text(name) === '' ? undefined : Number(text(name)));
    const type = this._type;
    const input: NewPollInput = { question: text('question'), type, results: data.get('hidden') ? 'hidden' : 'visible' };
    if (type === 'single' || type === 'multiple') input.options = text('options').split('\n').map((o) => o.trim()).filter(Boolean);
    if (type === 'multiple' || type === 'words') input.max = num('max');
    if (type === 'scale') {
      input.min = num('min');
      input.max = num('scaleMax');
      if (text('low') || text('high')) input.labels = [text('low'), text('high')];
    }
    input.timer = num('timer');
    // JSON drops undefined, but the server's strict schema is happier without the keys at all
    const clean = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as NewPollInput;
    this.dispatchEvent(new CustomEvent<NewPollInput>('poll-create', { detail: clean, bubbles: true, composed: true }));
  }
}

customElements.define('poll-form', PollForm);

declare global {
  interface HTMLElementTagNameMap {
    'poll-form': PollForm;
  }
}
