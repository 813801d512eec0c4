import { LitElement, html } from 'lit';
import type { Ack, NewPollInput } from '../../contract/events.js';
import { PollController } from '../controllers/poll-controller.js';
import { QaController } from '../controllers/qa-controller.js';
import { QuizController } from '../controllers/quiz-controller.js';
import { ReactionsController } from '../controllers/reactions-controller.js';
import { SwipeController } from '../controllers/swipe-controller.js';
import { TalkController } from '../controllers/talk-controller.js';
import { VoterSourcesController } from '../controllers/voter-sources-controller.js';
import { slugFromPath } from '../lib/location.js';
import { forgetKey, loadKey, saveKey, takeKeyFromFragment } from '../lib/presenter-key.js';
import { applyDeckTheme } from '../lib/theme.js';
import type { NavigateDirection } from '../components/presenter-controls.js';
import type { PollActionDetail, PollTimerDetail } from '../components/poll-panel.js';
import type { AnswerModerateDetail } from '../components/answer-moderation.js';
import type { PollForm } from '../components/poll-form.js';
import type { ModerateDetail } from '../components/question-moderation.js';
import type { SignOutDetail } from '../components/signed-in-devices.js';
import type { SessionInfo } from '../../contract/events.js';
import { presenterStyles } from './presenter-styles.js';
import '../components/slide-view.js';
// its slides fit the canvas: that view's styles up front, before the first slide (phones never load them)
import '../components/slide-fit.js';
import '../components/connection-badge.js';
import '../components/slide-counter.js';
import '../components/audience-count.js';
import '../components/voter-sources.js';
import '../components/elapsed-timer.js';
import '../components/talk-pace.js';
import '../components/wall-clock.js';
import '../components/presenter-controls.js';
import '../components/slide-grid.js';
import '../components/poll-panel.js';
import '../components/answer-moderation.js';
import '../components/quiz-controls.js';
import '../components/poll-form.js';
import '../components/key-form.js';
import '../components/question-moderation.js';
import '../components/signed-in-devices.js';
import '../components/reaction-counts.js';

const nextKeys = new Set(['ArrowRight', 'PageDown', ' ']);
const prevKeys = new Set(['ArrowLeft', 'PageUp']);

/**
 * The speaker's console: current and next slide, notes, position, audience, clock and elapsed
 * time; every slide to jump to; the poll on screen with its controls and live results, and a
 * form for ad-hoc questions; the audience's questions to moderate and pin, and the reactions to
 * the current slide. Drives the talk by keyboard, buttons, or — on a phone used as a
 * remote — tapping the slide (next) and swiping. Asks for the presenter key once.
 *
 * With a moderator key (at /:slug/moderate, or here) it is the moderator's console: questions and
 * answers to moderate, the talk to follow; slide and poll controls only where the deck says
 * `moderators: drive`. The presenter also sees the devices signed in, and signs them out.
 */
export class PresenterPage extends LitElement {
  static override properties = {
    _actionError: { state: true },
    _devices: { state: true },
  };

  /** The signed-in devices, once the presenter opened that list. */
  declare private _devices: SessionInfo[] | undefined;

  /** Why the last command failed (timeout, refused); cleared by the next success. */
  declare private _actionError: string;

  readonly #slug = slugFromPath();
  /** Where this page keeps its key: the moderator page apart, so one browser can hold both. */
  readonly #store = location.pathname.replace(/\/+$/, '').endsWith('/moderate') ? `${this.#slug}/moderate` : this.#slug;
  readonly #talk = new TalkController(this, {
    slug: this.#slug,
    role: 'presenter',
    key: takeKeyFromFragment(this.#store) ?? loadKey(this.#store),
    onSession: (session) => saveKey(this.#store, session),
  });
  readonly #polls = new PollController(this, this.#talk, { voter: false });
  readonly #qa = new QaController(this, this.#talk);
  readonly #quiz = new QuizController(this, this.#talk);
  readonly #reactions = new ReactionsController(this, this.#talk, { float: false });
  readonly #voterSources = new VoterSourcesController(this, this.#talk);
  #themed?: object;

  static override styles = presenterStyles;

  constructor() {
    super();
    this._actionError = '';
    new SwipeController(this, (direction) => this.#talk.key && this.#drives && this.#navigate(direction === 'left' ? 'next' : 'prev'));
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
    const refused = t.status === 'error' && t.error?.code === 'unauthorized';
    if (!t.key || refused) {
      return html`<key-form ?moderator=${this.#store !== this.#slug} .error=${refused ? (t.error?.message ?? 'That key is not right.') : ''} @key-submit=${this.#onKeySubmit}></key-form>`;
    }
    // what the next press shows: the current slide's next build step, or the next slide
    const moreSteps = (t.current?.steps ?? 0) > t.step;
    const next = moreSteps ? t.current : t.slides[t.slide + 1];
    const nextStep = moreSteps ? t.step + 1 : 0;
    const notes = t.current?.notes;
    const offline = t.status !== 'live';
    const drives = this.#drives;
    const moderator = t.grantedRole === 'moderator';
    return html`
      <header>
        <h1>${t.talk?.title ?? 'Lectern'}${moderator ? html` <span class="role">· moderator</span>` : null}</h1>
        <slide-counter .index=${t.slide} .total=${t.slideCount} .label=${t.current?.label}></slide-counter>
        ${t.current?.steps ? html`<p class="step" aria-live="polite">Step ${t.step} of ${t.current.steps}</p>` : null}
        <audience-count .count=${t.audience}></audience-count>
        <voter-sources .sources=${this.#voterSources.sources} .burst=${this.#voterSources.burst}></voter-sources>
        <wall-clock></wall-clock>
        <elapsed-timer .since=${t.run?.startedAt ?? 0} .offset=${t.serverOffset}></elapsed-timer>
        ${t.duration ? html`<talk-pace .duration=${t.duration} .times=${t.slides.map((s) => s.time)} .slide=${t.slide} .since=${t.run?.startedAt ?? 0} .until=${t.run?.endedAt ?? null} .offset=${t.serverOffset}></talk-pace>` : null}
        <connection-badge .status=${t.status} .message=${t.error?.message ?? ''}></connection-badge>
      </header>
      ${t.status === 'error' ? html`<p class="error" role="alert">${t.error?.message}</p>` : null}
      <main>
        <section class="current" aria-label="Current slide">
          ${t.current?.leaderboard
            ? html`<quiz-podium fit .players=${this.#quiz.standing?.top ?? []} .top=${t.current.leaderboard.top} .heading=${t.current.leaderboard.title ?? t.current.title}></quiz-podium>`
            : t.current
            ? html`<slide-view fit .html=${t.current.html} .step=${t.step} .theme=${t.talk?.theme} .layout=${t.current.layout} .background=${t.current.background} .chrome=${t.current.chrome} .slideClass=${t.current.className ?? ''} .aspect=${t.talk?.aspect} .stylesheet=${t.talk?.stylesheet} title="Tap for the next slide"
                @click=${(e: MouseEvent) => this.#onSlideTap(e)}></slide-view>`
            : html`<p class="empty">Loading slides…</p>`}
          <div class="controls">
            ${drives
              ? html`<presenter-controls .canPrev=${t.slide > 0 || t.step > 0} .canNext=${moreSteps || t.slide < t.slideCount - 1} .disabled=${offline} ?ended=${Boolean(t.run?.endedAt)}
                  @navigate=${(e: CustomEvent<NavigateDirection>) => this.#navigate(e.detail)}
                  @start-run=${() => this.#run(t.startRun())} @end-run=${() => this.#run(t.endRun())}></presenter-controls>`
              : html`<p class="moderator-note">You moderate questions and answers; the presenter moves the slides and runs the polls.</p>`}
            <p class="action-error" role="status">${this._actionError}</p>
          </div>
          <section class="reactions" aria-labelledby="react-h">
            <h2 id="react-h">Reactions to this slide</h2>
            <reaction-counts .counts=${this.#reactions.countsFor(t.slide)}></reaction-counts>
          </section>
        </section>
        <aside class="side" aria-label="Next slide and notes">
          <section class="next-slide" aria-labelledby="next-h">
            <h2 id="next-h">${moreSteps ? `Next: step ${nextStep}` : 'Next'}</h2>
            ${next ? html`<slide-view fit class="next" .html=${next.html} .step=${nextStep} .theme=${t.talk?.theme} .layout=${next.layout} .background=${next.background} .chrome=${next.chrome} .slideClass=${next.className ?? ''} .aspect=${t.talk?.aspect} .stylesheet=${t.talk?.stylesheet}></slide-view>` : html`<p class="empty">End of the talk</p>`}
          </section>
          <section aria-labelledby="notes-h">
            <h2 id="notes-h">Notes</h2>
            ${notes ? html`<slide-view class="notes" .html=${notes}></slide-view>` : html`<p class="empty">No notes for this slide.</p>`}
          </section>
        </aside>
        <div class="live">
          <section class="polls" aria-labelledby="poll-h">
            <h2 id="poll-h">Poll</h2>
            <poll-panel .active=${this.#polls.active} ?disabled=${offline || !drives} .offset=${t.serverOffset}
              @poll-action=${(e: CustomEvent<PollActionDetail>) => this.#run(this.#polls.command(e.detail.action, e.detail.poll))}
              @poll-timer=${(e: CustomEvent<PollTimerDetail>) => this.#run(this.#polls.timer(e.detail.poll, e.detail.change))}></poll-panel>
            ${this.#polls.active.poll?.quiz || this.#quiz.standing
              ? html`<quiz-controls .poll=${this.#polls.active.poll} .results=${this.#polls.active.results} .standing=${this.#quiz.standing} ?disabled=${offline || !drives}
                  @quiz-reveal=${(e: CustomEvent<string>) => this.#run(t.send((s) => s.emitWithAck('quiz:reveal', { poll: e.detail })))}></quiz-controls>`
              : null}
            <answer-moderation .moderation=${this.#polls.active.moderation} .results=${this.#polls.active.results} ?disabled=${offline}
              @answer-moderate=${(e: CustomEvent<AnswerModerateDetail>) =>
                this.#run(this.#polls.moderate(e.detail.poll, e.detail.action, e.detail.ids ? { ids: e.detail.ids } : { word: e.detail.word ?? '' }))}></answer-moderation>
            ${drives
              ? html`<details>
                  <summary>Ask an ad-hoc question</summary>
                  <poll-form ?disabled=${offline} @poll-create=${this.#onCreate}></poll-form>
                </details>`
              : null}
          </section>
          <section class="questions" aria-labelledby="qa-h">
            <h2 id="qa-h">Questions</h2>
            <question-moderation .questions=${this.#qa.questions} .mode=${this.#qa.mode} ?disabled=${offline}
              .more=${this.#qa.more ? this.#qa.more.total - this.#qa.questions.length : 0} @more=${() => void this.#qa.loadMore()}
              @moderate=${(e: CustomEvent<ModerateDetail>) => this.#run(this.#qa.moderate(e.detail.id, e.detail.action))}></question-moderation>
          </section>
        </div>
      </main>
      ${t.dropped.length
        ? html`<details class="dropped">
            <summary>Not shown from this ${t.talk?.dialect ?? ''} deck (${t.dropped.length})</summary>
            <ul>${t.dropped.map((d) => html`<li><span class="line">line ${d.line}</span> ${d.what}</li>`)}</ul>
          </details>`
        : null}
      <section class="grid" aria-labelledby="grid-h">
        <h2 id="grid-h">All slides</h2>
        <slide-grid .slides=${t.slides} .current=${t.slide} ?disabled=${offline || !drives}
          @goto=${(e: CustomEvent<number>) => this.#run(t.goto(e.detail))}></slide-grid>
      </section>
      ${t.grantedRole === 'presenter'
        ? html`<details class="devices" @toggle=${(e: Event) => (e.target as HTMLDetailsElement).open && this.#loadDevices()}>
            <summary>Signed-in devices${this._devices ? ` (${this._devices.length})` : ''}</summary>
            <signed-in-devices .sessions=${this._devices ?? []} .now=${t.serverNow()} ?disabled=${offline}
              @refresh=${() => this.#loadDevices()}
              @sign-out=${(e: CustomEvent<SignOutDetail>) => this.#signOut(e.detail)}></signed-in-devices>
          </details>`
        : null}
    `;
  }

  /** A moderator drives only where the deck allows it; the presenter always. */
  get #drives(): boolean {
    return this.#talk.grantedRole !== 'moderator' || this.#talk.moderatorsDrive;
  }

  async #loadDevices(): Promise<void> {
    const ack = await this.#talk.send<{ sessions: SessionInfo[] }>((s) => s.emitWithAck('sessions:list'));
    if (ack.ok) this._devices = ack.data.sessions;
    else this._actionError = ack.error.message;
  }

  async #signOut(which: SignOutDetail): Promise<void> {
    if (await this.#run(this.#talk.send((s) => s.emitWithAck('sessions:revoke', which)))) await this.#loadDevices();
  }

  protected override willUpdate(): void {
    const t = this.#talk;
    if (t.status === 'error' && t.error?.code === 'unauthorized') forgetKey(this.#store);
    if (t.talk && t.talk !== this.#themed) {
      this.#themed = t.talk;
      applyDeckTheme(t.talk);
      document.title = `${t.talk.title} — ${t.grantedRole === 'moderator' ? 'moderator' : 'presenter'}`;
    }
  }

  #navigate(direction: NavigateDirection): void {
    void this.#run(direction === 'next' ? this.#talk.next() : this.#talk.prev());
  }

  async #run(command: Promise<Ack<unknown>>): Promise<boolean> {
    const ack = await command;
    this._actionError = ack.ok ? '' : ack.error.message;
    return ack.ok;
  }

  #onSlideTap(e: MouseEvent): void {
    // a tap on a link inside the slide is not a page turn
    if (e.composedPath().some((el) => el instanceof HTMLAnchorElement)) return;
    e.preventDefault();
    if (this.#drives && this.#talk.slide < this.#talk.slideCount - 1) this.#navigate('next');
  }

  readonly #onCreate = async (e: CustomEvent<NewPollInput>) => {
    const form = e.target as PollForm;
    if (await this.#run(this.#polls.create(e.detail))) {
      form.reset();
      form.closest('details')?.removeAttribute('open');
    }
  };

  readonly #onKeySubmit = (e: CustomEvent<string>) => {
    saveKey(this.#store, e.detail);
    this.#talk.setKey(e.detail);
  };

  readonly #onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || !this.#talk.key || !this.#drives) return;
    const target = e.composedPath()[0];
    // typing in a field, or Space "clicking" a focused button, is not a slide change
    if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (e.key === ' ' && (target instanceof HTMLButtonElement || (target instanceof HTMLElement && target.tagName === 'SUMMARY'))) return;
    const direction = nextKeys.has(e.key) ? 'next' : prevKeys.has(e.key) ? 'prev' : undefined;
    if (!direction) return;
    e.preventDefault();
    this.#navigate(direction);
  };
}

customElements.define('presenter-page', PresenterPage);

declare global {
  interface HTMLElementTagNameMap {
    'presenter-page': PresenterPage;
  }
}
