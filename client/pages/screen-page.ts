import { LitElement, css, html } from 'lit';
import { TalkController } from '../controllers/talk-controller.js';
import { slugFromPath, talkUrls } from '../lib/location.js';
import { applyDeckTheme } from '../lib/theme.js';
import '../components/slide-view.js';
import '../components/connection-badge.js';
import '../components/audience-count.js';

/**
 * The projector view: the current slide as large as a 16:9 box fits the window, with the
 * audience count and where to join in a quiet corner. `f` toggles full screen.
 */
export class ScreenPage extends LitElement {
  readonly #slug = slugFromPath();
  readonly #talk = new TalkController(this, { slug: this.#slug, role: 'screen' });
  #themed?: object;

  static override styles = css`
    :host {
      position: fixed;
      inset: 0;
      display: grid;
      place-items: center;
      background: #000;
      overflow: hidden;
    }
    slide-view {
      /* the largest 16:9 box that fits the window */
      width: min(100vw, calc(100vh * 16 / 9));
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
    const join = talkUrls(this.#slug).audience.replace(/^https?:\/\//, '');
    return html`
      ${t.status === 'error'
        ? html`<p class="notice" role="alert">${t.error?.message}</p>`
        : t.current
          ? html`<slide-view fit .html=${t.current.html} .theme=${t.talk?.theme}></slide-view>`
          : html`<p class="notice">Waiting for the talk…</p>`}
      <div class="corner">
        <span class="join">${join}</span>
        <audience-count .count=${t.audience}></audience-count>
        ${t.status === 'live' ? null : html`<connection-badge .status=${t.status}></connection-badge>`}
      </div>
    `;
  }

  protected override willUpdate(): void {
    const talk = this.#talk.talk;
    if (talk && talk !== this.#themed) {
      this.#themed = talk;
      applyDeckTheme(talk);
      document.title = `${talk.title} — screen`;
    }
  }

  readonly #onKey = (e: KeyboardEvent) => {
    if (e.key !== 'f' || e.ctrlKey || e.metaKey || e.altKey) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  };
}

customElements.define('screen-page', ScreenPage);

declare global {
  interface HTMLElementTagNameMap {
    'screen-page': ScreenPage;
  }
}
