import { LitElement, html, nothing } from 'lit';
import type { Answer, PollView } from '../../contract/events.js';
import { DEFAULT_MAX_WORDS, MAX_TEXT_LENGTH, MAX_WORD_LENGTH } from '../../contract/limits.js';
import { buttonStyles, srOnly } from './shared-styles.js';
import { pollVoteStyles } from './poll-vote-styles.js';

const chars = (s: string) => [...s].length;

/**
 * The voting form for one poll: radios for single choice, checkboxes (up to `max`) for
 * multiple, word fields, a row of scale buttons with end labels, or a text box with a live
 * character count. Shows `answer` (the stored one) when given, so a voter can change it.
 * Knows nothing of the network: it fires `vote` and the page sends it.
 *
 * @fires vote - CustomEvent<Answer> with the answer, shaped as the poll type expects
 */
export class PollVote extends LitElement {
  static override properties = {
    poll: { attribute: false },
    answer: { attribute: false },
    busy: { type: Boolean },
    _choices: { state: true },
    _words: { state: true },
    _scale: { state: true },
    _text: { state: true },
  };

  declare poll: PollView | null;
  /** The answer the server holds for this phone, if any. */
  declare answer: Answer | undefined;
  /** A vote is on its way: the button waits. */
  declare busy: boolean;
  declare private _choices: string[];
  declare private _words: string[];
  declare private _scale: number | undefined;
  declare private _text: string;
  #draftFor?: string;

  static override styles = [buttonStyles, srOnly, pollVoteStyles];

  constructor() {
    super();
    this.poll = null;
    this.answer = undefined;
    this.busy = false;
    this.#fill(undefined);
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    // a new poll starts empty (or from its stored answer); a new stored answer replaces the draft
    if ((changed.has('poll') && this.poll?.id !== this.#draftFor) || changed.has('answer')) {
      this.#draftFor = this.poll?.id;
      this.#fill(this.answer);
    }
  }

  override render() {
    const poll = this.poll;
    if (!poll) return nothing;
    const closed = poll.status !== 'open';
    const draft = this.#draft();
    const changed = JSON.stringify(draft) !== JSON.stringify(this.answer);
    return html`<form @submit=${this.#submit}>
      <fieldset ?disabled=${closed}>
        <legend>${poll.question}</legend>
        ${this.#fields(poll)}
      </fieldset>
      ${closed
        ? nothing
        : html`<div class="actions">
            <button type="submit" class="primary" ?disabled=${this.busy || draft === undefined || !changed}>
              ${this.busy ? 'Sending…' : this.answer === undefined ? 'Send answer' : 'Change answer'}
            </button>
          </div>`}
    </form>`;
  }

  #fields(poll: PollView) {
    switch (poll.type) {
      case 'single':
      case 'multiple':
        return this.#choiceFields(poll);
      case 'words':
        return this.#wordFields(poll.max ?? DEFAULT_MAX_WORDS);
      case 'scale':
        return this.#scaleFields(poll);
      case 'text':
        return this.#textField();
    }
  }

  #choiceFields(poll: PollView) {
    const multiple = poll.type === 'multiple';
    const options = poll.options ?? [];
    const max = poll.max ?? options.length;
    const full = multiple && this._choices.length >= max;
    return html`${multiple ? html`<p class="hint">Pick up to ${max}.</p>` : nothing}
      <div class="choices">
        ${options.map((option) => {
          const checked = this._choices.includes(option);
          return html`<label class="choice">
            <input type=${multiple ? 'checkbox' : 'radio'} name="choice" .value=${option} .checked=${checked}
              ?disabled=${full && !checked} @change=${(e: Event) => this.#toggle(option, (e.target as HTMLInputElement).checked, multiple)} />
            <span>${option}</span>
          </label>`;
        })}
      </div>`;
  }

  #wordFields(max: number) {
    return html`<p class="hint">${max === 1 ? 'One word or a short phrase.' : `Up to ${max} words or short phrases.`}</p>
      <div class="words">
        ${Array.from({ length: max }, (_, i) => html`<input type="text" maxlength=${MAX_WORD_LENGTH} autocomplete="off"
          aria-label=${max === 1 ? 'Your word' : `Word ${i + 1} of ${max}`} .value=${this._words[i] ?? ''}
          @input=${(e: Event) => (this._words = this._words.map((w, j) => (j === i ? (e.target as HTMLInputElement).value : w)))} />`)}
      </div>`;
  }

  #scaleFields(poll: PollView) {
    const min = poll.scaleMin ?? 1;
    const max = poll.scaleMax ?? 5;
    const [low, high] = poll.labels ?? [];
    const values = Array.from({ length: max - min + 1 }, (_, i) => min + i);
    return html`<div class="scale">
        ${values.map((v) => html`<label>
          <input type="radio" name="scale" .value=${String(v)} .checked=${this._scale === v} @change=${() => (this._scale = v)} />
          ${v}${v === min && low ? html`<span class="sr-only"> (${low})</span>` : v === max && high ? html`<span class="sr-only"> (${high})</span>` : nothing}
        </label>`)}
      </div>
      ${low || high ? html`<div class="ends" aria-hidden="true"><span>${low ?? ''}</span><span>${high ?? ''}</span></div>` : nothing}`;
  }

  #textField() {
    const used = chars(this._text);
    return html`<textarea aria-label="Your answer" aria-describedby="count" maxlength=${MAX_TEXT_LENGTH} .value=${this._text}
        @input=${(e: Event) => (this._text = (e.target as HTMLTextAreaElement).value)}></textarea>
      <p id="count" class="count ${used >= MAX_TEXT_LENGTH ? 'full' : ''}">${used} / ${MAX_TEXT_LENGTH} characters</p>`;
  }

  #toggle(option: string, checked: boolean, multiple: boolean): void {
    if (!multiple) this._choices = checked ? [option] : [];
    else this._choices = checked ? [...this._choices, option] : this._choices.filter((c) => c !== option);
  }

  /** The answer as typed so far, in the shape the server expects; undefined while empty. */
  #draft(): Answer | undefined {
    const poll = this.poll;
    if (!poll) return undefined;
    switch (poll.type) {
      case 'single':
        return this._choices[0];
      case 'multiple':
        // in the poll's own order, like the server stores it
        return this._choices.length ? (poll.options ?? []).filter((o) => this._choices.includes(o)) : undefined;
      case 'words': {
        const words = this._words.map((w) => w.trim()).filter(Boolean);
        return words.length ? words : undefined;
      }
      case 'scale':
        return this._scale;
      case 'text':
        return this._text.trim() || undefined;
    }
  }

  #fill(answer: Answer | undefined): void {
    const list = Array.isArray(answer) ? answer : typeof answer === 'string' ? [answer] : [];
    const slots = this.poll?.type === 'words' ? (this.poll.max ?? DEFAULT_MAX_WORDS) : 0;
    this._choices = list;
    this._words = Array.from({ length: slots }, (_, i) => list[i] ?? '');
    this._scale = typeof answer === 'number' ? answer : undefined;
    this._text = typeof answer === 'string' ? answer : '';
  }

  #submit(e: SubmitEvent): void {
    e.preventDefault();
    const answer = this.#draft();
    if (answer === undefined || this.busy) return;
    this.dispatchEvent(new CustomEvent<Answer>('vote', { detail: answer, bubbles: true, composed: true }));
  }
}

customElements.define('poll-vote', PollVote);

declare global {
  interface HTMLElementTagNameMap {
    'poll-vote': PollVote;
  }
}
