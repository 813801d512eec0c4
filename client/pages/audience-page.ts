import { LitElement, html } from 'lit';
import type { Answer, ReactionKind } from '../../server/contract/events.js';
import { PollController } from '../controllers/poll-controller.js';
import { QaController } from '../controllers/qa-controller.js';
import { SwipeController } from '../controllers/swipe-controller.js';
import { TalkController } from '../controllers/talk-controller.js';
import { slugFromPath } from '../lib/location.js';
import { applyDeckTheme } from '../lib/theme.js';
import { voterId } from '../lib/voter.js';
import type { VoteProgress } from '../components/audience-poll.js';
import type { AskDetail, AskProgress } from '../components/question-form.js';
import type { UpvoteDetail } from '../components/question-list.js';
import { audienceStyles } from './audience-styles.js';
import '../components/slide-view.js';
import '../components/connection-badge.js';
import '../components/slide-nav.js';
import '../components/audience-poll.js';
import '../components/reaction-bar.js';

/** Q&A is loaded on demand: it stays out of the first download (see scripts/page-weight.ts). */
const loadQaPanel = () => import('../components/qa-panel.js');

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
    _reactMessage: { state: true },
  };

  /** The slide the reader went back to; null while following the presenter. */
  declare private _viewing: number | null;
  declare private _progress: VoteProgress;
  /** Q&A shows instead of the slide; 'loading' while its code arrives. */
  declare private _questions: boolean | 'loading';
  declare private _asking: AskProgress;
  declare private _reactMessage: string;

  readonly #talk = new TalkController(this, { slug: slugFromPath(), role: 'audience', voter: voterId() });
  readonly #polls = new PollController(this, this.#talk, { voter: true });
  readonly #qa = new QaController(this, this.#talk);
  #qaLoad?: Promise<unknown>;
  #reactTimer?: ReturnType<typeof setTimeout>;
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
    this._reactMessage = '';
    new SwipeController(this, (direction) => this.#browse((this._viewing ?? this.#talk.slide) + (direction === 'left' ? 1 : -1)));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('keydown', this.#onKey);
  }

  override disconnectedCallback(): void {
    window.removeEventListener('keydown', this.#onKey);
    clearTimeout(this.#reactTimer);
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
          : html`<button type="button" class="qa-toggle" aria-pressed=${this._questions !== false} @click=${this.#toggleQuestions}>
              Questions <span class="count">${qa.questions.length}</span>
            </button>`}
        <connection-badge .status=${t.status} .message=${t.error?.message ?? ''}></connection-badge>
      </header>
      <main>
        ${this._viewing !== null ? html`<p class="browsing">You are looking back — the talk is on slide ${t.slide + 1}.</p>` : null}
        ${this._questions === false || qa.mode === 'off' ? this.#body(shown) : this.#questions()}
      </main>
      <footer>
        <reaction-bar .message=${this._reactMessage} ?disabled=${t.status !== 'live'}
          @react=${(e: CustomEvent<ReactionKind>) => this.#react(e.detail)}></reaction-bar>
        <slide-nav .index=${shown} .total=${t.slideCount} .furthest=${Math.max(this.#furthest, t.slide)} ?live=${this._viewing === null}
          @browse=${(e: CustomEvent<number>) => this.#browse(e.detail)} @live=${() => this.#browse(t.slide)}></slide-nav>
      </footer>
      <p class="sr-only" aria-live="polite" aria-atomic="true">${this.#announcement}</p>
    `;
  }

  #body(shown: number) {
    const t = this.#talk;
    if (t.status === 'error') return html`<p class="notice error" role="alert">${t.error?.message}</p>`;
    const slide = t.slides[shown];
    if (!slide) return html`<p class="notice">Waiting for the talk…</p>`;
    const active = this.#polls.active;
    return html`
      <slide-view .html=${slide.html} .theme=${t.talk?.theme} ?hide-poll=${active.poll?.slide === shown}></slide-view>
      ${active.poll
        ? html`<audience-poll .active=${active} .progress=${this._progress} @vote=${(e: CustomEvent<Answer>) => this.#vote(e.detail)}></audience-poll>`
        : null}
    `;
  }

  #questions() {
    if (this._questions === 'loading') return html`<p class="notice" aria-busy="true">Loading questions…</p>`;
    const poll = this.#polls.active.poll;
    const waiting = poll?.status === 'open' && !this.#polls.answered;
    return html`
      ${waiting ? html`<button type="button" class="primary poll-waiting" @click=${this.#showSlide}>A poll is open — answer it</button>` : null}
      <qa-panel .mode=${this.#qa.mode} .questions=${this.#qa.questions} .upvoted=${this.#qa.upvoted} .progress=${this._asking}
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
    // a refusal or a pending send belongs to its poll; a new poll starts clean
    const pollId = this.#polls.active.poll?.id;
    if (pollId !== this.#progressFor) {
      this.#progressFor = pollId;
      this._progress = { state: 'idle' };
    }
    if (t.talk && t.talk !== this.#themed) {
      this.#themed = t.talk;
      applyDeckTheme(t.talk);
      document.title = t.talk.title;
    }
    this.#announce();
  }

  protected override updated(): void {
    // a new slide starts at its top, like turning a page
    const shown = this._viewing ?? this.#talk.slide;
    if (this.#talk.current && shown !== this.#scrolledTo) {
      this.#scrolledTo = shown;
      window.scrollTo({ top: 0 });
    }
  }

  /** Only real changes are announced, not every re-render (audience counts, reconnects). */
  #announce(): void {
    const t = this.#talk;
    const poll = this.#polls.active.poll;
    const slide = t.current ? `Slide ${t.slide + 1} of ${t.slideCount}: ${t.current.title}` : '';
    const pollText = poll ? `${poll.status === 'open' ? 'Poll open' : 'Poll closed'}: ${poll.question}` : '';
    if (slide !== this.#announced.slide && this._viewing === null) this.#announcement = slide;
    else if (slide !== this.#announced.slide) this.#announcement = `The talk moved to slide ${t.slide + 1}.`;
    else if (pollText && pollText !== this.#announced.poll) this.#announcement = pollText;
    this.#announced = { slide, poll: pollText };
  }

  #browse(index: number): void {
    const t = this.#talk;
    const last = Math.max(this.#furthest, t.slide);
    if (index < 0 || index > last || index >= t.slideCount) return;
    this._viewing = index === t.slide ? null : index;
    this._questions = false;
  }

  readonly #showSlide = () => (this._questions = false);

  readonly #toggleQuestions = async () => {
    if (this._questions !== false) return void (this._questions = false);
    this._questions = 'loading';
    try {
      await (this.#qaLoad ??= loadQaPanel());
      if (this._questions === 'loading') this._questions = true;
    } catch {
      this.#qaLoad = undefined; // try again on the next tap
      this._questions = false;
    }
  };

  async #ask({ text, name }: AskDetail): Promise<void> {
    this._asking = { state: 'sending' };
    const ack = await this.#qa.ask(text, name);
    this._asking = ack.ok ? { state: 'sent', pending: ack.data.status === 'pending' } : { state: 'refused', message: ack.error.message };
  }

  async #react(kind: ReactionKind): Promise<void> {
    const ack = await this.#talk.send((s) => s.emitWithAck('reaction:send', { kind }));
    if (ack.ok) return;
    this._reactMessage = ack.error.code === 'rate_limited' ? 'So many reactions! Give it a second.' : ack.error.message;
    clearTimeout(this.#reactTimer);
    this.#reactTimer = setTimeout(() => (this._reactMessage = ''), 4000);
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
    const shown = this._viewing ?? this.#talk.slide;
    if (e.key === 'ArrowLeft') this.#browse(shown - 1);
    else if (e.key === 'ArrowRight') this.#browse(shown + 1);
  };
}

customElements.define('audience-page', AudiencePage);

declare global {
  interface HTMLElementTagNameMap {
    'audience-page': AudiencePage;
  }
}
