import { LitElement, css, html, nothing } from 'lit';
import type { ActivePoll } from '../../contract/events.js';
import { pollState } from '../lib/announce.js';
import './poll-vote.js';
import './poll-results.js';
import './poll-countdown.js';

/** Where this phone's last vote stands, as the page tracks it. */
export type VoteProgress = { state: 'idle' } | { state: 'sending' } | { state: 'refused'; message: string };

/**
 * The poll on a phone: the voting form, what happened to the answer ("Answer received", or the
 * server's reason for refusing it), "Poll closed" (or "Voting hasn't started yet" for a poll the
 * presenter has not opened), and the live results once answered — unless the presenter hides
 * them. Re-fires the form's `vote` event for the page to send.
 *
 * @fires vote - CustomEvent<Answer> (from poll-vote)
 */
export class AudiencePoll extends LitElement {
  static override properties = {
    active: { attribute: false },
    progress: { attribute: false },
    offset: { type: Number },
  };

  declare active: ActivePoll;
  declare progress: VoteProgress;
  /** Server clock minus this device's, for the countdown. */
  declare offset: number;

  static override styles = css`
    :host {
      display: block;
      padding: 1rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: color-mix(in srgb, var(--surface) 60%, var(--bg));
    }
    .tag {
      display: inline-block;
      margin: 0 0 0.5rem;
      padding: 0.1em 0.6em;
      border-radius: 999px;
      font-size: 0.8rem;
      font-weight: 650;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      background: var(--accent);
      color: var(--on-accent);
    }
    .top {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 0.75rem;
      margin: 0 0 0.5rem;
    }
    .top .tag {
      margin: 0;
    }
    .tag.closed {
      background: var(--muted);
      color: var(--bg);
    }
    .status {
      margin: 0.75rem 0 0;
      min-height: 1.5em;
      font-weight: 600;
    }
    .received {
      color: var(--ok);
    }
    .refused {
      color: var(--danger);
    }
    h3 {
      margin: 1.25rem 0 0.5rem;
      font-size: 1rem;
    }
    .quiet {
      color: var(--muted);
      margin: 0.75rem 0 0;
    }
  `;

  constructor() {
    super();
    this.active = { poll: null };
    this.progress = { state: 'idle' };
    this.offset = 0;
  }

  override render() {
    const { poll, results, myAnswer } = this.active;
    if (!poll) return nothing;
    const closed = poll.status !== 'open';
    const answered = myAnswer !== undefined;
    return html`
      <div class="top">
        <p class="tag ${closed ? 'closed' : ''}">${closed ? pollState(poll) : 'Poll'}</p>
        ${!closed && poll.closesAt ? html`<poll-countdown .closesAt=${poll.closesAt} .since=${poll.openedAt} .offset=${this.offset}></poll-countdown>` : nothing}
      </div>
      <poll-vote .poll=${poll} .answer=${myAnswer} ?busy=${this.progress.state === 'sending'}></poll-vote>
      <p class="status" role="status">${this.#status(answered, closed)}</p>
      ${this.progress.state === 'refused' ? html`<p class="status refused" role="alert">${this.progress.message}</p>` : nothing}
      ${results && answered && !poll.resultsHidden
        ? html`<h3>Results so far</h3><poll-results .results=${results} .poll=${poll}></poll-results>`
        : answered && poll.resultsHidden
          ? html`<p class="quiet">The presenter will show the results.</p>`
          : nothing}
    `;
  }

  #status(answered: boolean, closed: boolean) {
    if (this.progress.state === 'sending') return 'Sending your answer…';
    if (answered && this.progress.state !== 'refused') {
      return this.active.myAnswerHeld
        ? html`<span class="received">✓ Answer received — waiting for the moderator</span>`
        : html`<span class="received">✓ Answer received</span>`;
    }
    if (closed) return answered || this.active.poll?.openedAt === null ? '' : 'Voting is closed.';
    return '';
  }
}

customElements.define('audience-poll', AudiencePoll);

declare global {
  interface HTMLElementTagNameMap {
    'audience-poll': AudiencePoll;
  }
}
