import { LitElement, css, html, nothing } from 'lit';
import type { QuestionView } from '../../contract/events.js';
import './question-text.js';

/**
 * The question the presenter pinned, large on the projector: who asked (or "Anonymous"), the
 * question with its inline code, and its votes, updating as they come in.
 */
export class PinnedQuestion extends LitElement {
  static override properties = {
    question: { attribute: false },
  };

  declare question: QuestionView | undefined;

  static override styles = css`
    :host {
      display: block;
      color: var(--fg);
      background: var(--bg);
    }
    figure {
      margin: 0;
      display: flex;
      align-items: center;
      gap: 1.5vw;
      padding: 1.6vh 2.5vw;
      border-inline-start: 0.6vw solid var(--accent);
    }
    .body {
      flex: 1;
      min-width: 0;
    }
    figcaption {
      color: var(--muted);
      font-size: clamp(0.9rem, 1.5vw, 1.8rem);
    }
    figcaption strong {
      color: var(--fg);
    }
    blockquote {
      margin: 0.2em 0 0;
      font-size: clamp(1.2rem, 2.6vw, 3.2rem);
      font-weight: 600;
      line-height: 1.25;
      display: -webkit-box;
      -webkit-line-clamp: 3;
      -webkit-box-orient: vertical;
      overflow: hidden;
    }
    .votes {
      flex: none;
      display: grid;
      place-items: center;
      min-width: 4em;
      padding: 0.3em 0.6em;
      border-radius: var(--radius);
      background: var(--surface);
      font-size: clamp(1rem, 2vw, 2.4rem);
      font-weight: 700;
      line-height: 1.1;
      font-variant-numeric: tabular-nums;
    }
    .votes small {
      font-size: 0.5em;
      font-weight: 600;
      color: var(--muted);
    }
  `;

  constructor() {
    super();
    this.question = undefined;
  }

  override render() {
    const q = this.question;
    if (!q) return nothing;
    return html`<figure aria-label="Question on screen">
      <div class="body">
        <figcaption>Question from <strong>${q.name ?? 'Anonymous'}</strong></figcaption>
        <blockquote><question-text .text=${q.text}></question-text></blockquote>
      </div>
      <p class="votes"><span>▲ ${q.votes}</span> <small>${q.votes === 1 ? 'vote' : 'votes'}</small></p>
    </figure>`;
  }
}

customElements.define('pinned-question', PinnedQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'pinned-question': PinnedQuestion;
  }
}
