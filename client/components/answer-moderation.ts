import { LitElement, css, html, nothing } from 'lit';
import type { AnswerAction, AnswerModeration, ModeratedAnswer, PollResults } from '../../contract/events.js';
import { buttonStyles } from './shared-styles.js';

/** Detail of the `answer-moderate` event: single answers by id, or every answer holding a word. */
export interface AnswerModerateDetail {
  poll: string;
  action: AnswerAction;
  ids?: number[];
  word?: string;
}

const answerText = (a: ModeratedAnswer) => (Array.isArray(a.answer) ? a.answer.join(', ') : String(a.answer));

/**
 * The poll's answers for a presenter or moderator: those held for approval (the filter's reason
 * beside each) with Approve and Hide, the words on the screen (word clouds) and the latest shown
 * answers with Hide, and the hidden ones with Show again. Audience text is rendered as text only.
 *
 * @fires answer-moderate - CustomEvent<AnswerModerateDetail>
 */
export class AnswerModerationPanel extends LitElement {
  static override properties = {
    moderation: { attribute: false },
    results: { attribute: false },
    disabled: { type: Boolean },
  };

  declare moderation: AnswerModeration | undefined;
  /** The results on screen, for the word cloud's words. */
  declare results: PollResults | undefined;
  declare disabled: boolean;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
        margin-top: 0.75rem;
      }
      h3 {
        font-size: 0.95rem;
        margin: 0.6rem 0 0.3rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.3rem;
      }
      li {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem;
      }
      .text {
        flex: 1 1 10rem;
        overflow-wrap: anywhere;
      }
      .why {
        color: var(--muted);
        font-size: 0.85rem;
      }
      button {
        padding: 0.2rem 0.6rem;
      }
      .empty {
        color: var(--muted);
        margin: 0;
      }
    `,
  ];

  constructor() {
    super();
    this.moderation = undefined;
    this.results = undefined;
    this.disabled = false;
  }

  override render() {
    const m = this.moderation;
    if (!m) return nothing;
    const words = this.results?.type === 'words' ? this.results.words : [];
    return html`
      <section aria-labelledby="held-h">
        <h3 id="held-h">Waiting for approval (${m.heldCount})</h3>
        ${m.held.length
          ? html`<ul>
              ${m.held.map(
                (a) => html`<li>
                  <span class="text">${answerText(a)}</span>
                  ${a.reasons?.length ? html`<span class="why">${a.reasons.join('; ')}</span>` : nothing}
                  <button type="button" class="primary" ?disabled=${this.disabled} aria-label="Approve ${answerText(a)}" @click=${() => this.#act('approve', { ids: [a.id] })}>Approve</button>
                  <button type="button" ?disabled=${this.disabled} aria-label="Hide ${answerText(a)}" @click=${() => this.#act('hide', { ids: [a.id] })}>Hide</button>
                </li>`,
              )}
            </ul>`
          : html`<p class="empty">Nothing held.</p>`}
      </section>
      ${words.length
        ? html`<details>
            <summary>Hide a word from the screen</summary>
            <ul>
              ${words.map(
                (w) => html`<li>
                  <span class="text">${w.word} (${w.count})</span>
                  <button type="button" ?disabled=${this.disabled} aria-label="Hide the word ${w.word}" @click=${() => this.#act('hide', { word: w.word })}>Hide</button>
                </li>`,
              )}
            </ul>
          </details>`
        : nothing}
      ${m.shown.length
        ? html`<details>
            <summary>Latest answers shown</summary>
            <ul>
              ${m.shown.map(
                (a) => html`<li>
                  <span class="text">${answerText(a)}</span>
                  <button type="button" ?disabled=${this.disabled} aria-label="Hide ${answerText(a)}" @click=${() => this.#act('hide', { ids: [a.id] })}>Hide</button>
                </li>`,
              )}
            </ul>
          </details>`
        : nothing}
      ${m.hiddenCount
        ? html`<details>
            <summary>Hidden (${m.hiddenCount})</summary>
            <ul>
              ${m.hidden.map(
                (a) => html`<li>
                  <span class="text">${answerText(a)}</span>
                  <button type="button" ?disabled=${this.disabled} aria-label="Show ${answerText(a)} again" @click=${() => this.#act('approve', { ids: [a.id] })}>Show again</button>
                </li>`,
              )}
            </ul>
          </details>`
        : nothing}
    `;
  }

  #act(action: AnswerAction, target: { ids: number[] } | { word: string }): void {
    const poll = this.moderation?.poll;
    if (!poll) return;
    this.dispatchEvent(new CustomEvent<AnswerModerateDetail>('answer-moderate', { detail: { poll, action, ...target }, bubbles: true, composed: true }));
  }
}

customElements.define('answer-moderation', AnswerModerationPanel);

declare global {
  interface HTMLElementTagNameMap {
    'answer-moderation': AnswerModerationPanel;
  }
}
