import { LitElement, css, html, nothing } from 'lit';
import type { PollResults as Results, PollView } from '../../contract/events.js';
import './poll-results.js';
import './quiz-reveal.js';
import './poll-countdown.js';
import { ResizeController } from '../controllers/resize-controller.js';

/**
 * The projector's view of a live poll, in the slide's 16:9 box: the question, the results as
 * they come in (or only the count while the presenter hides them), and whether voting is open.
 */
export class PollStage extends LitElement {
  static override properties = {
    poll: { attribute: false },
    results: { attribute: false },
    offset: { type: Number },
  };

  declare poll: PollView | null;
  declare results: Results | undefined;
  /** Server clock minus this device's, for the countdown. */
  declare offset: number;

  static override styles = css`
    :host {
      display: block;
      aspect-ratio: 16 / 9;
      container-type: size;
      overflow: hidden;
      background: var(--bg);
      color: var(--fg);
    }
    .stage {
      box-sizing: border-box;
      block-size: 100%;
      display: flex;
      flex-direction: column;
      gap: 3cqh;
      padding: 5cqh 6cqw 7cqh;
      font-size: calc(100cqw / 40);
    }
    .head {
      display: flex;
      align-items: flex-start;
      gap: 1em;
    }
    h2 {
      flex: 1;
      margin: 0;
      font-size: 1.6em;
      line-height: 1.15;
      text-wrap: balance;
    }
    poll-results,
    quiz-reveal {
      flex: 1;
      min-block-size: 0;
      overflow: hidden;
    }
    .hidden {
      flex: 1;
      display: grid;
      place-items: center;
      font-size: 1.4em;
      color: var(--muted);
    }
    footer {
      display: flex;
      gap: 0.4em;
      color: var(--muted);
      font-size: 0.8em;
    }
    .open {
      color: var(--ok);
      font-weight: 650;
    }
  `;

  readonly #resize = new ResizeController(this, () => this.#fit());

  constructor() {
    super();
    this.poll = null;
    this.results = undefined;
    this.offset = 0;
  }

  override async updated() {
    const results = this.renderRoot.querySelector<LitElement>('poll-results, quiz-reveal');
    if (results) {
      await results.updateComplete;
      this.#resize.watch(results);
    }
    this.#fit();
  }

  /**
   * Many options, or long ones, must not run off the projector: the results shrink their text
   * until the whole chart fits the stage (never below 40 %), instead of being cut off.
   */
  #fit() {
    // a quiz question's revealed answers too
    const results = this.renderRoot.querySelector<HTMLElement>('poll-results, quiz-reveal');
    if (!results) return;
    let size = 1;
    results.style.fontSize = '';
    for (let i = 0; i < 6 && results.scrollHeight > results.clientHeight + 1 && size > 0.4; i++) {
      size = Math.max(0.4, size * Math.min(0.95, results.clientHeight / results.scrollHeight));
      results.style.fontSize = `${size}em`;
    }
  }

  override render() {
    const poll = this.poll;
    if (!poll) return nothing;
    const open = poll.status === 'open';
    const total = this.results?.total ?? 0;
    return html`<section class="stage" aria-label="Poll results">
      <div class="head">
        <h2>${poll.question}</h2>
        ${open && poll.closesAt ? html`<poll-countdown size="stage" .closesAt=${poll.closesAt} .since=${poll.openedAt} .offset=${this.offset}></poll-countdown>` : nothing}
      </div>
      ${poll.correct
        ? html`<quiz-reveal .poll=${poll} .results=${this.results}></quiz-reveal>`
        : poll.resultsHidden
        ? html`<p class="hidden">${total} ${total === 1 ? 'answer' : 'answers'} — results hidden for now</p>`
        : html`<poll-results .results=${this.results} .poll=${poll}></poll-results>`}
      <footer>
        <span class=${open ? 'open' : ''}>${open ? 'Voting open' : 'Voting closed'}</span>
      </footer>
    </section>`;
  }
}

customElements.define('poll-stage', PollStage);

declare global {
  interface HTMLElementTagNameMap {
    'poll-stage': PollStage;
  }
}
