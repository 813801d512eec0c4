import { LitElement, css, html, nothing } from 'lit';
import type { ActivePoll, QuizStanding } from '../../contract/events.js';
import type { SlideData } from '../lib/api.js';
import type { QuizController } from '../controllers/quiz-controller.js';
import { isRight, pointsGained, standingLine, verdict } from '../lib/quiz.js';
import type { NicknameProgress } from './quiz-nickname.js';
import './quiz-nickname.js';
import './quiz-podium.js';

/**
 * The quiz on a phone, under a quiz question or on a ```leaderboard slide: once the answer is
 * shown, whether this phone got it ("Right! +850", "Not this time — the answer was Lima"); its
 * place ("You: 3rd of 41 · 2,350 points"); on the leaderboard slide the podium; and the optional
 * name for the leaderboard, sent through the page's QuizController.
 *
 * It is handed the controller rather than firing an event for the page to send: everything a
 * quiz needs then arrives with this lazily loaded chunk, and the page every phone downloads first
 * (which has a budget, scripts/page-weight.ts) carries only one line for it.
 */
export class AudienceQuiz extends LitElement {
  static override properties = {
    quiz: { attribute: false },
    standing: { attribute: false },
    active: { attribute: false },
    slide: { attribute: false },
    _naming: { state: true },
  };

  /** The page's quiz state and commands. */
  declare quiz: QuizController | undefined;
  /** The standing now (`quiz.standing`, passed so a new one re-renders this). */
  declare standing: QuizStanding | undefined;
  /** The poll on screen and this phone's answer to it. */
  declare active: ActivePoll;
  /** The slide being read: a ```leaderboard slide shows the podium. */
  declare slide: SlideData | undefined;
  declare private _naming: NicknameProgress;

  static override styles = css`
    :host {
      display: grid;
      gap: 1rem;
    }
    p {
      margin: 0;
    }
    .verdict {
      font-size: 1.25rem;
      font-weight: 700;
    }
    .verdict.right {
      color: var(--ok);
    }
    .me {
      font-weight: 600;
      font-variant-numeric: tabular-nums;
    }
  `;

  constructor() {
    super();
    this.quiz = undefined;
    this.standing = undefined;
    this.active = { poll: null };
    this.slide = undefined;
    this._naming = { state: 'idle' };
  }

  override render() {
    const { standing, slide } = this;
    const { poll, myAnswer } = this.active;
    const correct = poll?.quiz ? poll.correct : undefined;
    const board = slide?.leaderboard;
    const me = standing?.me;
    const right = correct ? isRight(myAnswer, correct) : false;
    const before = poll ? this.quiz?.scoreBefore(poll.id) : undefined;
    return html`
      ${correct
        ? html`<p class="verdict ${right ? 'right' : ''}" role="status">
            ${right ? '✓ ' : ''}${verdict(myAnswer, correct, pointsGained(before, me?.score, right))}
          </p>`
        : nothing}
      ${board ? html`<quiz-podium .players=${standing?.top ?? []} .top=${board.top} .heading=${board.title ?? slide.title}></quiz-podium>` : nothing}
      ${me && standing && (correct || board) ? html`<p class="me">${standingLine(me, standing.players)}</p>` : nothing}
      <quiz-nickname .nickname=${me?.nickname ?? null} .progress=${this._naming} @nickname=${(e: CustomEvent<string>) => this.#rename(e.detail)}></quiz-nickname>
    `;
  }

  async #rename(name: string): Promise<void> {
    if (!this.quiz) return;
    this._naming = { state: 'sending' };
    const ack = await this.quiz.rename(name);
    this._naming = ack.ok ? { state: 'saved', nickname: ack.data.nickname } : { state: 'refused', message: ack.error.message };
  }
}

customElements.define('audience-quiz', AudienceQuiz);

declare global {
  interface HTMLElementTagNameMap {
    'audience-quiz': AudienceQuiz;
  }
}
