import { LitElement, html } from 'lit';
import type { Answer, ReactionKind } from '../../contract/events.js';
import { PollController } from '../controllers/poll-controller.js';
import { QaController } from '../controllers/qa-controller.js';
import { QuizController } from '../controllers/quiz-controller.js';
import { ReactionSender } from '../controllers/reaction-sender.js';
import { SwipeController } from '../controllers/swipe-controller.js';
import { TalkController } from '../controllers/talk-controller.js';
import { announce } from '../lib/announce.js';
import { lazy } from '../lib/lazy.js';
import { slugFromPath } from '../lib/location.js';
import { applyDeckTheme, effectiveScheme, readerMayChoose, saveReaderScheme, savedReaderScheme, type ReaderScheme } from '../lib/theme.js';
import { ensureVoter } from '../lib/voter.js';
import type { VoteProgress } from '../components/audience-poll.js';
import type { AskDetail, AskProgress } from '../components/question-form.js';
import type { UpvoteDetail } from '../components/question-list.js';
import { audienceStyles } from './audience-styles.js';
import '../components/slide-view.js';
import '../components/connection-badge.js';
import '../components/slide-nav.js';
import '../components/reaction-bar.js';

// The poll form starts loading with the page, Q&A on its first use: neither is part of the
// first download, which has a budget (scripts/page-weight.ts). Their elements upgrade on arrival.
const pollUi = lazy(() => import('../components/audience-poll.js'));
const qaUi = lazy(() => import('../components/qa-panel.js'));
// only in a talk with a quiz
const quizUi = lazy(() => import('../components/audience-quiz.js'));
// only where the deck's theme lets the reader choose, and not needed for the first paint
const schemeUi = lazy(() => import('../components/scheme-toggle.js'));
const ignore = () => undefined;

/**
 * What a phone shows: the slide the presenter is on, following along live, or an earlier one
 * while the reader looks back (swipe, arrows, or the footer buttons; "Back to live" returns).
 * The active poll shows below the slide whichever slide is read. "Questions" in the title bar
 * swaps the slide for Q&A (unless the deck turned it off); reactions sit above the footer.
 * Phone first, 320 px up; announces new slides and polls to screen readers.
 */
export class AudiencePage extends LitElement {
  static override properties = {
    _viewing: { state: true },
    _progress: { state: true },
    _questions: { state: true },
    _asking: { state: true },
    _scheme: { state: true },
  };

  /** The slide the reader went back to; null while following the presenter. */
  declare private _viewing: number | null;
  declare private _progress: VoteProgress;
  /** Q&A shows instead of the slide. */
  declare private _questions: boolean;
  declare private _asking: AskProgress;
  /** The reader's colour scheme, where the deck's theme lets them choose. */
  declare private _scheme: ReaderScheme;

  readonly #talk = new TalkController(this, { slug: slugFromPath(), role: 'audience', voter: () => ensureVoter(slugFromPath()) });
  readonly #polls = new PollController(this, this.#talk, { voter: true });
  readonly #qa = new QaController(this, this.#talk);
  readonly #quiz = new QuizController(this, this.#talk);
  readonly #reactions = new ReactionSender(this, this.#talk);
  /** The furthest slide the talk reached while this page was open: browsing stops there. */
  #furthest = 0;
  #run?: number;
  #progressFor?: string;
  #themed?: object;
  #announcement = '';
  #announced = { slide: '', poll: '' };
  #scrolledTo?: number;

  static override styles = audienceStyles;

  constructor() {
    super();
    this._viewing = null;
    this._progress = { state: 'idle' };
    this._questions = false;
    this._asking = { state: 'idle' };
    this._scheme = savedReaderScheme();
    new SwipeController(this, (direction) => this.#step(direction === 'left' ? 1 : -1));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKey);
    pollUi().catch(ignore);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.#onKey);
    super.disconnectedCallback();
  }

  override render() {
    const t = this.#talk;
    const shown = this._viewing ?? t.slide;
    const qa = this.#qa;
    return html`
      <header>
        <p class="title">${t.talk?.title ?? 'Lectern'}</p>
        ${qa.mode === 'off'
          ? null
          : html`<button type="button" class="qa-toggle" aria-pressed=${this._questions} @click=${this.#toggleQuestions}>
              Questions <span class="count">${qa.questions.length}</span>
            </button>`}
        ${t.talk && readerMayChoose(t.talk)
          ? html`<scheme-toggle .value=${this._scheme} @change=${(e: CustomEvent<ReaderScheme>) => this.#chooseScheme(e.detail)}></scheme-toggle>`
          : null}
        <connection-badge .status=${t.status} .message=${t.error?.message ?? ''}></connection-badge>
      </header>
      <main>
        ${t.run?.endedAt ? this.#ended() : null}
        ${this._questions && qa.mode !== 'off' ? this.#questions() : this.#body(shown)}
      </main>
      <footer>
        <reaction-bar .message=${this.#reactions.message} ?disabled=${t.status !== 'live'}
          @react=${(e: CustomEvent<ReactionKind>) => void this.#reactions.send(e.detail)}></reaction-bar>
        <slide-nav .index=${shown} .total=${t.slideCount} .furthest=${Math.max(this.#furthest, t.slide)} ?live=${this._viewing === null}
          @browse=${(e: CustomEvent<number>) => this.#browse(e.detail)} @live=${() => this.#browse(t.slide)}></slide-nav>
      </footer>
      <p class="sr-only" aria-live="polite" aria-atomic="true">${this.#announcement}</p>
    `;
  }

  /** The talk is over: the handout (every slide shown, with the polls' results) and the results page. */
  #ended() {
    const slug = encodeURIComponent(slugFromPath());
    const run = this.#talk.run ? `?run=${this.#talk.run.number}` : '';
    return html`<p class="ended" role="status">
      The talk has ended.
      <a href=${`/${slug}/handout${run}`}>Slides</a>
      <a href=${`/${slug}/results${run}`}>Results</a>
    </p>`;
  }

  #body(shown: number) {
    const t = this.#talk;
    if (t.status === 'error') return html`<p class="notice error" role="alert">${t.error?.message}</p>`;
    const slide = t.slides[shown];
    if (!slide) return html`<p class="notice">Waiting for the talk…</p>`;
    if (slide.hidden) {
      // skipped over by the presenter: its content stays on the server until the talk shows it
      return html`<p class="notice">Slide ${shown + 1} has not been shown yet.</p>`;
    }
    const active = this.#polls.active;
    return html`
      ${this._viewing !== null ? html`<p class="browsing">You are looking back — the talk is on slide ${t.slide + 1}.</p>` : null}
      <slide-view .html=${slide.html} .step=${shown === t.slide ? t.step : undefined} .theme=${t.talk && effectiveScheme(t.talk, this._scheme)} .layout=${slide.layout} .background=${slide.background} .slideClass=${slide.className ?? ''} .stylesheet=${t.talk?.stylesheet} ?hide-poll=${active.poll?.slide === shown}></slide-view>
      ${active.poll
        ? html`<audience-poll .active=${active} .progress=${this._progress} .offset=${t.serverOffset} @vote=${(e: CustomEvent<Answer>) => this.#vote(e.detail)}></audience-poll>`
        : null}
      ${this.#quiz.standing && (active.poll?.quiz || slide.leaderboard)
        ? html`<audience-quiz .quiz=${this.#quiz} .standing=${this.#quiz.standing} .active=${active} .slide=${slide}></audience-quiz>`
        : null}
    `;
  }

  #questions() {
    const poll = this.#polls.active.poll;
    const waiting = poll?.status === 'open' && !this.#polls.answered;
    return html`
      ${waiting ? html`<button type="button" class="primary poll-waiting" @click=${this.#showSlide}>A poll is open — answer it</button>` : null}
      <qa-panel .mode=${this.#qa.mode} .questions=${this.#qa.questions} .upvoted=${this.#qa.upvoted} .progress=${this._asking}
        .more=${this.#qa.more ? this.#qa.more.total - this.#qa.questions.length : 0}
        @more=${() => void this.#qa.loadMore()}
        @ask=${(e: CustomEvent<AskDetail>) => this.#ask(e.detail)}
        @upvote=${(e: CustomEvent<UpvoteDetail>) => void this.#qa.upvote(e.detail.id, e.detail.up)}></qa-panel>
    `;
  }

  protected override willUpdate(): void {
    const t = this.#talk;
    if (t.run && t.run.id !== this.#run) {
      // a new delivery starts over: nothing has been shown yet
      this.#run = t.run.id;
      this.#furthest = t.slide;
      this._viewing = null;
    }
    this.#furthest = Math.max(this.#furthest, t.slide);
    if (this._viewing === t.slide) this._viewing = null;
    const pollId = this.#polls.active.poll?.id;
    if (pollId) pollUi().catch(ignore); // loads it again if that failed at start
    if (this.#quiz.standing) quizUi().catch(ignore);
    // a refusal or a pending send belongs to its poll; a new poll starts clean
    if (pollId !== this.#progressFor) {
      this.#progressFor = pollId;
      this._progress = { state: 'idle' };
    }
    if (t.talk && t.talk !== this.#themed) {
      this.#themed = t.talk;
      applyDeckTheme(t.talk, document.documentElement, this._scheme);
      if (readerMayChoose(t.talk)) schemeUi().catch(ignore);
      document.title = t.talk.title;
    }
    const { say, heard } = announce(this.#announced, {
      slide: t.current && { number: t.slide + 1, count: t.slideCount, title: t.current.title },
      poll: this.#polls.active.poll,
      following: this._viewing === null,
    });
    if (say !== undefined) this.#announcement = say;
    this.#announced = heard;
  }

  protected override updated(): void {
    // a new slide starts at its top, like turning a page
    const shown = this._viewing ?? this.#talk.slide;
    if (this.#talk.current && shown !== this.#scrolledTo) {
      this.#scrolledTo = shown;
      window.scrollTo({ top: 0 });
    }
  }

  #browse(index: number): void {
    const t = this.#talk;
    const last = Math.max(this.#furthest, t.slide);
    if (index < 0 || index > last || index >= t.slideCount) return;
    this._viewing = index === t.slide ? null : index;
    this._questions = false;
  }

  /** Swipes and arrow keys page through slides; they leave Q&A alone. */
  #step(by: number): void {
    if (!this._questions) this.#browse((this._viewing ?? this.#talk.slide) + by);
  }

  readonly #showSlide = () => (this._questions = false);

  #chooseScheme(scheme: ReaderScheme): void {
    this._scheme = scheme;
    saveReaderScheme(scheme);
    if (this.#talk.talk) applyDeckTheme(this.#talk.talk, document.documentElement, scheme);
  }

  readonly #toggleQuestions = () => {
    this._questions = !this._questions;
    if (this._questions) qaUi().catch(ignore); // until it arrives the panel is empty; a later tap retries
  };

  async #ask({ text, name }: AskDetail): Promise<void> {
    this._asking = { state: 'sending' };
    const ack = await this.#qa.ask(text, name);
    this._asking = ack.ok ? { state: 'sent', pending: ack.data.status === 'pending' } : { state: 'refused', message: ack.error.message };
  }

  async #vote(answer: Answer): Promise<void> {
    const poll = this.#polls.active.poll;
    if (!poll) return;
    this._progress = { state: 'sending' };
    const ack = await this.#polls.vote(poll.id, answer);
    this._progress = ack.ok ? { state: 'idle' } : { state: 'refused', message: ack.error.message };
  }

  readonly #onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
    const target = e.composedPath()[0];
    if (target instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    if (e.key === 'ArrowLeft') this.#step(-1);
    else if (e.key === 'ArrowRight') this.#step(1);
  };
}

customElements.define('audience-page', AudiencePage);

declare global {
  interface HTMLElementTagNameMap {
    'audience-page': AudiencePage;
  }
}
