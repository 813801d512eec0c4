import { LitElement, css, html } from 'lit';
import type { Ack } from '../../server/contract/events.js';
import { TalkController } from '../controllers/talk-controller.js';
import { slugFromPath } from '../lib/location.js';
import { forgetKey, loadKey, saveKey, takeKeyFromFragment } from '../lib/presenter-key.js';
import { applyDeckTheme } from '../lib/theme.js';
import type { NavigateDirection } from '../components/presenter-controls.js';
import { presenterStyles } from './presenter-styles.js';
import '../components/slide-view.js';
import '../components/connection-badge.js';
import '../components/slide-counter.js';
import '../components/audience-count.js';
import '../components/elapsed-timer.js';
import '../components/presenter-controls.js';
import '../components/key-form.js';

const nextKeys = new Set(['ArrowRight', 'PageDown', ' ']);
const prevKeys = new Set(['ArrowLeft', 'PageUp']);

/**
 * The speaker's console: current slide, next slide, notes, position, audience and elapsed time;
 * drives the talk with the keyboard or the on-screen buttons. Asks for the presenter key once.
 */
export class PresenterPage extends LitElement {
  static override properties = {
    _actionError: { state: true },
  };

  /** Why the last command failed (timeout, refused); cleared by the next success. */
  declare private _actionError: string;

  readonly #slug = slugFromPath();
  readonly #talk = new TalkController(this, {
    slug: this.#slug,
    role: 'presenter',
    key: takeKeyFromFragment(this.#slug) ?? loadKey(this.#slug),
  });
  #themed?: object;

  static override styles = presenterStyles;

  constructor() {
    super();
    this._actionError = '';
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
      return html`<key-form .error=${refused ? (t.error?.message ?? 'That key is not right.') : ''} @key-submit=${this.#onKeySubmit}></key-form>`;
    }
    const next = t.slides[t.slide + 1];
    const notes = t.current?.notes;
    return html`
      <header>
        <h1>${t.talk?.title ?? 'Lectern'}</h1>
        <slide-counter .index=${t.slide} .total=${t.slideCount}></slide-counter>
        <audience-count .count=${t.audience}></audience-count>
        <elapsed-timer .since=${t.run?.startedAt ?? 0} .offset=${t.serverOffset}></elapsed-timer>
        <connection-badge .status=${t.status} .message=${t.error?.message ?? ''}></connection-badge>
      </header>
      ${t.status === 'error' ? html`<p class="error" role="alert">${t.error?.message}</p>` : null}
      <main>
        <section class="current" aria-label="Current slide">
          ${t.current ? html`<slide-view fit .html=${t.current.html} .theme=${t.talk?.theme}></slide-view>` : html`<p class="empty">Loading slides…</p>`}
        </section>
        <aside>
          <section aria-label="Next slide">
            <h2>Next</h2>
            ${next ? html`<slide-view fit class="next" .html=${next.html} .theme=${t.talk?.theme}></slide-view>` : html`<p class="empty">End of the talk</p>`}
          </section>
          <section aria-label="Speaker notes">
            <h2>Notes</h2>
            ${notes ? html`<slide-view class="notes" .html=${notes}></slide-view>` : html`<p class="empty">No notes for this slide.</p>`}
          </section>
        </aside>
      </main>
      <footer>
        <presenter-controls
          .canPrev=${t.slide > 0}
          .canNext=${t.slide < t.slideCount - 1}
          .disabled=${t.status !== 'live'}
          @navigate=${(e: CustomEvent<NavigateDirection>) => this.#navigate(e.detail)}
          @start-run=${() => this.#run(t.startRun())}
        ></presenter-controls>
        <p class="action-error" role="status">${this._actionError}</p>
      </footer>
    `;
  }

  protected override willUpdate(): void {
    const t = this.#talk;
    if (t.status === 'error' && t.error?.code === 'unauthorized') forgetKey(this.#slug);
    if (t.talk && t.talk !== this.#themed) {
      this.#themed = t.talk;
      applyDeckTheme(t.talk);
      document.title = `${t.talk.title} — presenter`;
    }
  }

  #navigate(direction: NavigateDirection): void {
    void this.#run(direction === 'next' ? this.#talk.next() : this.#talk.prev());
  }

  async #run(command: Promise<Ack<unknown>>): Promise<void> {
    const ack = await command;
    this._actionError = ack.ok ? '' : ack.error.message;
  }

  readonly #onKeySubmit = (e: CustomEvent<string>) => {
    saveKey(this.#slug, e.detail);
    this.#talk.setKey(e.detail);
  };

  readonly #onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || !this.#talk.key) return;
    const target = e.composedPath()[0];
    // typing in a field, or Space "clicking" a focused button, is not a slide change
    if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (e.key === ' ' && target instanceof HTMLButtonElement) return;
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
