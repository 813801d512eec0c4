import { LitElement, css, html, nothing } from 'lit';
import type { ActivePoll } from '../../contract/events.js';
import type { PollAction } from '../controllers/poll-controller.js';
import { buttonStyles } from './shared-styles.js';
import './poll-results.js';
import './poll-countdown.js';

/** Detail of the `poll-timer` event: add seconds to the countdown, or stop it. */
export interface PollTimerDetail {
  poll: string;
  change: { add: number } | { stop: true };
}

/** Detail of the `poll-action` event. */
export interface PollActionDetail {
  action: PollAction;
  poll: string;
}

/**
 * The presenter's controls for the poll on screen: open or close voting, show or hide the
 * results on the phones and the screen, reset the answers (after a confirm), and the live
 * results, which the presenter always sees.
 *
 * @fires poll-action - CustomEvent<PollActionDetail>
 * @fires poll-timer - CustomEvent<PollTimerDetail> (+15 s, +30 s, Stop timer beside a running countdown)
 */
export class PollPanel extends LitElement {
  static override properties = {
    active: { attribute: false },
    disabled: { type: Boolean },
    offset: { type: Number },
  };

  declare active: ActivePoll;
  declare disabled: boolean;
  /** Server clock minus this device's, for the countdown. */
  declare offset: number;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        margin: 0 0 0.35rem;
        font-size: 1.05rem;
      }
      .meta {
        margin: 0 0 0.6rem;
        color: var(--muted);
        font-size: 0.9rem;
      }
      .state {
        font-weight: 650;
        color: var(--fg);
      }
      .state.open {
        color: var(--ok);
      }
      .buttons {
        display: flex;
        flex-wrap: wrap;
        gap: 0.4rem;
        margin-bottom: 0.75rem;
      }
      .danger {
        color: var(--danger);
      }
      .timer {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.4rem;
        margin-bottom: 0.75rem;
      }
      .timer poll-countdown {
        margin-inline-end: 0.35rem;
      }
      .empty {
        color: var(--muted);
        margin: 0;
      }
    `,
  ];

  constructor() {
    super();
    this.active = { poll: null };
    this.disabled = false;
    this.offset = 0;
  }

  override render() {
    const { poll, results } = this.active;
    if (!poll) return html`<p class="empty">No poll on this slide. Ask an ad-hoc question below.</p>`;
    const open = poll.status === 'open';
    const total = results?.total ?? 0;
    return html`
      <h3>${poll.question}</h3>
      <p class="meta">
        <span class="state ${open ? 'open' : ''}">${open ? 'Voting open' : poll.openedAt === null ? 'Not opened yet' : 'Voting closed'}</span>
        · ${total} ${total === 1 ? 'answer' : 'answers'} · results ${poll.resultsHidden ? 'hidden' : 'shown'} to the room
      </p>
      <div class="buttons">
        ${open
          ? html`<button type="button" ?disabled=${this.disabled} @click=${() => this.#act('close')}>Close voting</button>`
          : html`<button type="button" class="primary" ?disabled=${this.disabled} @click=${() => this.#act('open')}>Open voting</button>`}
        <button type="button" ?disabled=${this.disabled}
          @click=${() => this.#act(poll.resultsHidden ? 'reveal' : 'hide')}>
          ${poll.resultsHidden ? 'Show results' : 'Hide results'}
        </button>
        <button type="button" class="danger" ?disabled=${this.disabled || total === 0} @click=${this.#reset}>Reset answers</button>
      </div>
      ${open && poll.closesAt
        ? html`<div class="timer" role="group" aria-label="Countdown">
            <poll-countdown .closesAt=${poll.closesAt} .since=${poll.openedAt} .offset=${this.offset}></poll-countdown>
            <button type="button" ?disabled=${this.disabled} @click=${() => this.#timer({ add: 15 })}>+15 s</button>
            <button type="button" ?disabled=${this.disabled} @click=${() => this.#timer({ add: 30 })}>+30 s</button>
            <button type="button" ?disabled=${this.disabled} @click=${() => this.#timer({ stop: true })}>Stop timer</button>
          </div>`
        : nothing}
      ${results ? html`<poll-results .results=${results} .poll=${poll}></poll-results>` : nothing}
    `;
  }

  #reset(): void {
    const total = this.active.results?.total ?? 0;
    // answers cannot come back: ask first
    if (!confirm(`Delete all ${total} answers to this poll? This cannot be undone.`)) return;
    this.#act('reset');
  }

  #timer(change: PollTimerDetail['change']): void {
    const poll = this.active.poll;
    if (!poll) return;
    this.dispatchEvent(new CustomEvent<PollTimerDetail>('poll-timer', { detail: { poll: poll.id, change }, bubbles: true, composed: true }));
  }

  #act(action: PollAction): void {
    const poll = this.active.poll;
    if (!poll) return;
    this.dispatchEvent(new CustomEvent<PollActionDetail>('poll-action', { detail: { action, poll: poll.id }, bubbles: true, composed: true }));
  }
}

customElements.define('poll-panel', PollPanel);

declare global {
  interface HTMLElementTagNameMap {
    'poll-panel': PollPanel;
  }
}
