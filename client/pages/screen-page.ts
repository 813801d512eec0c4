import { LitElement, css, html } from 'lit';
import { PollController } from '../controllers/poll-controller.js';
import { QuizController } from '../controllers/quiz-controller.js';
import { QaController } from '../controllers/qa-controller.js';
import { ReactionsController } from '../controllers/reactions-controller.js';
import { TalkController } from '../controllers/talk-controller.js';
import { shortUrl, slugFromPath, talkUrls } from '../lib/location.js';
import { applyDeckTheme } from '../lib/theme.js';
import { aspectRatio } from '../components/slide-view.js';
// its slides fit the canvas: that view's styles up front, before the first slide (phones never load them)
import '../components/slide-fit.js';
import '../components/connection-badge.js';
import '../components/audience-count.js';
import '../components/join-banner.js';
import '../components/poll-stage.js';
import '../components/quiz-podium.js';
import '../components/pinned-question.js';
import '../components/reaction-burst.js';

/**
 * The projector view: the current slide as large as a 16:9 box fits the window, or the live
 * results of the poll on it; under it the question the presenter pinned; reactions rising up the
 * right edge as the room taps them; the join banner (QR code + short address) on the first slide
 * and whenever `j` (or `q`) toggles it; the audience count in a quiet corner. `f` toggles full
 * screen. Needs no mouse: the keys are the whole interface.
 */
export class ScreenPage extends LitElement {
  static override properties = {
    _join: { state: true },
  };

  /** The join banner as toggled by hand on this slide; undefined follows the default. */
  declare private _join: boolean | undefined;

  readonly #slug = slugFromPath();
  readonly #talk = new TalkController(this, { slug: this.#slug, role: 'screen' });
  readonly #polls = new PollController(this, this.#talk, { voter: false });
  readonly #qa = new QaController(this, this.#talk);
  readonly #quiz = new QuizController(this, this.#talk);
  readonly #reactions = new ReactionsController(this, this.#talk, { float: true });
  #themed?: object;
  #joinSlide = 0;

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      display: flex;
      background: #000;
      overflow: hidden;
    }
    .stage {
      position: relative;
      flex: 1;
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .slide {
      flex: 1;
      display: grid;
      place-items: center;
      container-type: size;
      min-height: 0;
    }
    slide-view,
    poll-stage,
    quiz-podium {
      /* the largest box of the deck's proportions (16:9 unless it says) that fits */
      width: min(100cqw, calc(100cqh * var(--aspect, 16 / 9)));
    }
    aside {
      flex: none;
      width: clamp(16rem, 30vw, 40rem);
      display: grid;
      place-items: center;
      padding: 3vh 2vw;
      box-sizing: border-box;
      background: var(--bg);
      border-inline-start: 1px solid var(--border);
      font-size: clamp(1rem, 1.8vw, 2.2rem);
    }
    .corner {
      position: fixed;
      right: 1rem;
      bottom: 0.75rem;
      display: flex;
      gap: 1rem;
      align-items: center;
      padding: 0.25rem 0.75rem;
      border-radius: 999px;
      background: color-mix(in srgb, var(--bg) 80%, transparent);
      color: var(--muted);
      font-size: clamp(0.8rem, 1.4vw, 1.25rem);
    }
    .band {
      flex: none;
      display: flex;
      align-items: flex-end;
      background: var(--bg);
    }
    .band pinned-question {
      flex: 1;
      min-width: 0;
    }
    .band .corner {
      position: static;
      flex: none;
      margin: 0 1rem 0.75rem 0;
    }
    .join {
      font-weight: 600;
      color: var(--fg);
    }
    .notice {
      color: #ddd;
      font-size: 2rem;
      text-align: center;
      padding: 2rem;
    }
  `;

  constructor() {
    super();
    this._join = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.#onKey);
    super.disconnectedCallback();
  }

  override render() {
    const t = this.#talk;
    const url = talkUrls(this.#slug, t.publicUrl ?? location.origin).audience;
    const join = shortUrl(url);
    const showJoin = this.#joinShown();
    const pinned = this.#qa.pinned;
    const corner = html`<div class="corner">
      ${showJoin ? null : html`<span class="join">${join}</span>`}
      <audience-count .count=${t.audience}></audience-count>
      ${t.status === 'live' ? null : html`<connection-badge .status=${t.status}></connection-badge>`}
    </div>`;
    // a pinned question takes the bottom edge, and the corner moves into its band
    return html`
      <div class="stage">
        <div class="slide">${this.#main()}</div>
        ${pinned ? html`<div class="band"><pinned-question .question=${pinned}></pinned-question>${corner}</div>` : null}
        <reaction-burst .items=${this.#reactions.floating}></reaction-burst>
      </div>
      ${showJoin ? html`<aside aria-label="How to join"><join-banner .url=${url} .label=${join}></join-banner></aside>` : null}
      ${pinned ? null : corner}
    `;
  }

  #main() {
    const t = this.#talk;
    if (t.status === 'error') return html`<p class="notice" role="alert">${t.error?.message}</p>`;
    const { poll, results } = this.#polls.active;
    // a poll takes the stage once voting has started (or its quiz answer is shown); before that the slide shows its question
    const onStage = poll && (poll.slide === null || poll.slide === t.slide) && (poll.status === 'open' || (results?.total ?? 0) > 0 || poll.correct);
    if (onStage) return html`<poll-stage .poll=${poll} .results=${results} .offset=${t.serverOffset}></poll-stage>`;
    if (!t.current) return html`<p class="notice">Waiting for the talk…</p>`;
    const board = t.current.leaderboard;
    if (board) {
      return html`<quiz-podium fit .players=${this.#quiz.standing?.top ?? []} .top=${board.top} .heading=${board.title ?? t.current.title}
        style=${`--aspect: ${aspectRatio(t.talk?.aspect)}`}></quiz-podium>`;
    }
    return html`<slide-view fit .html=${t.current.html} .step=${t.step} .theme=${t.talk?.theme} .layout=${t.current.layout} .background=${t.current.background} .chrome=${t.current.chrome} .slideClass=${t.current.className ?? ''} .stylesheet=${t.talk?.stylesheet} .aspect=${t.talk?.aspect}
      style=${`--aspect: ${aspectRatio(t.talk?.aspect)}`}></slide-view>`;
  }

  #joinShown(): boolean {
    return this._join ?? this.#talk.slide === 0;
  }

  protected override willUpdate(): void {
    const talk = this.#talk.talk;
    // a hand toggle holds for its slide; the next slide goes back to the default
    if (this.#talk.slide !== this.#joinSlide) {
      this.#joinSlide = this.#talk.slide;
      this._join = undefined;
    }
    if (talk && talk !== this.#themed) {
      this.#themed = talk;
      applyDeckTheme(talk);
      document.title = `${talk.title} — screen`;
    }
  }

  readonly #onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat) return;
    const key = e.key.toLowerCase();
    if (key === 'j' || key === 'q') this._join = !this.#joinShown();
    else if (key === 'f') {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void document.documentElement.requestFullscreen().catch(() => undefined);
    }
  };
}

customElements.define('screen-page', ScreenPage);

declare global {
  interface HTMLElementTagNameMap {
    'screen-page': ScreenPage;
  }
}
