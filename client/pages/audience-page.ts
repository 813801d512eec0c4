import { LitElement, css, html } from 'lit';
import { TalkController } from '../controllers/talk-controller.js';
import { slugFromPath } from '../lib/location.js';
import { applyDeckTheme } from '../lib/theme.js';
import { srOnly } from '../components/shared-styles.js';
import '../components/slide-view.js';
import '../components/connection-badge.js';
import '../components/slide-counter.js';

/**
 * What a phone shows: the slide the presenter is on, following along live. Phone first
 * (flowing text from 320 px up); announces each new slide to screen readers.
 */
export class AudiencePage extends LitElement {
  readonly #talk = new TalkController(this, { slug: slugFromPath(), role: 'audience' });
  /** The polite live-region text: "Slide n of N: title". */
  #announcement = '';
  #themed?: object;
  #scrolledFor?: string;

  static override styles = [
    srOnly,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
        min-height: 100dvh;
      }
      header,
      footer {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        padding: 0.5rem max(1rem, env(safe-area-inset-left));
        color: var(--muted);
        font-size: 0.9rem;
      }
      header {
        border-bottom: 1px solid var(--border);
      }
      .title {
        flex: 1;
        min-width: 0;
        overflow: hidden;
        text-overflow: ellipsis;
        white-space: nowrap;
        margin: 0;
        font-size: inherit;
        font-weight: 600;
      }
      main {
        flex: 1;
        width: 100%;
        max-width: 48rem;
        margin: 0 auto;
        padding: 1.25rem 1rem 2rem;
        box-sizing: border-box;
      }
      slide-view {
        font-size: 1.125rem;
      }
      footer {
        justify-content: center;
        position: sticky;
        bottom: 0;
        background: var(--bg);
        border-top: 1px solid var(--border);
        padding-bottom: max(0.5rem, env(safe-area-inset-bottom));
      }
      .notice {
        color: var(--muted);
        text-align: center;
        margin-top: 20vh;
      }
      .notice.error {
        color: var(--danger);
      }
    `,
  ];

  override render() {
    const t = this.#talk;
    return html`
      <header>
        <p class="title">${t.talk?.title ?? 'Lectern'}</p>
        <connection-badge .status=${t.status} .message=${t.error?.message ?? ''}></connection-badge>
      </header>
      <main>${this.#body()}</main>
      <footer><slide-counter .index=${t.slide} .total=${t.slideCount}></slide-counter></footer>
      <p class="sr-only" aria-live="polite" aria-atomic="true">${this.#announcement}</p>
    `;
  }

  #body() {
    const t = this.#talk;
    if (t.status === 'error') return html`<p class="notice error" role="alert">${t.error?.message}</p>`;
    const slide = t.current;
    if (!slide) return html`<p class="notice">Waiting for the talk…</p>`;
    return html`<slide-view .html=${slide.html} .theme=${t.talk?.theme}></slide-view>`;
  }

  protected override willUpdate(): void {
    const t = this.#talk;
    if (t.talk && t.talk !== this.#themed) {
      this.#themed = t.talk;
      applyDeckTheme(t.talk);
      document.title = t.talk.title;
    }
    const slide = t.current;
    // only a real change is announced, not every re-render (audience counts, reconnects)
    if (slide) this.#announcement = `Slide ${t.slide + 1} of ${t.slideCount}: ${slide.title}`;
  }

  protected override updated(): void {
    // a new slide starts at its top, like turning a page
    if (this.#announcement !== this.#scrolledFor) {
      this.#scrolledFor = this.#announcement;
      window.scrollTo({ top: 0 });
    }
  }
}

customElements.define('audience-page', AudiencePage);

declare global {
  interface HTMLElementTagNameMap {
    'audience-page': AudiencePage;
  }
}
