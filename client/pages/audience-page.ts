import { LitElement, html } from 'lit';
import type { Answer } from '../../server/contract/events.js';
import { PollController } from '../controllers/poll-controller.js';
import { SwipeController } from '../controllers/swipe-controller.js';
import { TalkController } from '../controllers/talk-controller.js';
import { slugFromPath } from '../lib/location.js';
import { applyDeckTheme } from '../lib/theme.js';
import { voterId } from '../lib/voter.js';
import type { VoteProgress } from '../components/audience-poll.js';
import { audienceStyles } from './audience-styles.js';
import '../components/slide-view.js';
import '../components/connection-badge.js';
import '../components/slide-nav.js';
import '../components/audience-poll.js';

/**
 * What a phone shows: the slide the presenter is on, following along live, or an earlier one
 * while the reader looks back (swipe, arrows, or the footer buttons; "Back to live" returns).
 * The active poll shows below the slide whichever slide is read. Phone first, 320 px up;
 * announces new slides and polls to screen readers.
 */
export class AudiencePage extends LitElement {
  static override properties = {
    _viewing: { state: true },
    _progress: { state: true },
  };

  /** The slide the reader went back to; null while following the presenter. */
  declare private _viewing: number | null;
  declare private _progress: VoteProgress;

  readonly #talk = new TalkController(this, { slug: slugFromPath(), role: 'audience', voter: voterId() });
  readonly #polls = new PollController(this, this.#talk, { voter: true });
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
    new SwipeController(this, (direction) => this.#browse((this._viewing ?? this.#talk.slide) + (direction === 'left' ? 1 : -1)));
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
    const shown = this._viewing ?? t.slide;
    return html`
      <header>
        <p class="title">${t.talk?.title ?? 'Lectern'}</p>
        <connection-badge .status=${t.status} .message=${t.error?.message ?? ''}></connection-badge>
      </header>
      <main>
        ${this._viewing !== null ? html`<p class="browsing">You are looking back — the talk is on slide ${t.slide + 1}.</p>` : null}
        ${this.#body(shown)}
      </main>
      <footer>
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
