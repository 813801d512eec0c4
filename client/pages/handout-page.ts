import { LitElement, css, html } from 'lit';
import type { Handout } from '../lib/api.js';
import { fetchHandout } from '../lib/api.js';
import { slugFromPath } from '../lib/location.js';
import { loadKey } from '../lib/presenter-key.js';
import { applyDeckTheme } from '../lib/theme.js';
import { buttonStyles } from '../components/shared-styles.js';
// the slides sit on the projector's canvas here too: its styles up front
import '../components/slide-fit.js';
import '../components/handout-slide.js';

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Wide enough for the slides at their paper size; narrower (a phone), they flow like text. */
const WIDE = '(min-width: 66rem)';

/**
 * The talk to take home: every slide the run showed, whole, in the deck's theme, with the run's poll
 * results beside their slides and the notes under them when the deck hands them out. Prints one
 * slide a page (the bar above them does not print). `?run=N` picks an earlier delivery. Until the
 * talk ends it says so; the presenter, whose key this browser keeps, sees a preview.
 */
export class HandoutPage extends LitElement {
  static override properties = {
    _data: { state: true },
    _error: { state: true },
    _wide: { state: true },
  };

  declare private _data: Handout | undefined;
  declare private _error: { code: string; message: string } | undefined;
  declare private _wide: boolean;

  readonly #slug = slugFromPath();
  readonly #run = Number(new URLSearchParams(location.search).get('run')) || undefined;
  readonly #media = matchMedia(WIDE);

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
        padding: 1.5rem 1rem 3rem;
      }
      .bar {
        max-width: 62.5rem;
        margin: 0 auto 1.5rem;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1.25rem;
      }
      h1 {
        margin: 0;
        font-size: 1.6rem;
        line-height: 1.2;
        flex: 1 1 20rem;
      }
      .sub {
        margin: 0;
        color: var(--muted);
        flex-basis: 100%;
      }
      a {
        color: var(--accent-text);
      }
      .preview,
      .notice {
        max-width: 62.5rem;
        margin: 0 auto 1.5rem;
        padding: 0.75rem 1rem;
        border-radius: var(--radius);
        background: var(--surface);
      }
      .notice {
        text-align: center;
        font-size: 1.2rem;
      }
      handout-slide:last-of-type {
        break-after: auto;
      }
      @media print {
        :host {
          padding: 0;
        }
        .bar,
        .preview {
          display: none;
        }
      }
    `,
  ];

  constructor() {
    super();
    this._data = undefined;
    this._error = undefined;
    this._wide = this.#media.matches;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#media.addEventListener('change', this.#onMedia);
    void this.#load();
  }

  override disconnectedCallback(): void {
    this.#media.removeEventListener('change', this.#onMedia);
    super.disconnectedCallback();
  }

  override render() {
    const d = this._data;
    const slug = encodeURIComponent(this.#slug);
    const run = d?.run;
    return html`
      <header class="bar">
        <h1>${d ? d.talk.title : 'Slides'}</h1>
        ${d ? html`<button type="button" class="primary" @click=${() => window.print()}>Print or save as PDF</button>` : null}
        <a href=${`/${slug}/results${run ? `?run=${run.number}` : ''}`}>Results</a>
        <a href=${`/${slug}`}>Back to the talk</a>
        ${run
          ? html`<p class="sub">Run ${run.number}, ${when.format(run.startedAt)}${run.endedAt ? ` – ${when.format(run.endedAt)}` : ''} · ${d.slides.length} ${d.slides.length === 1 ? 'slide' : 'slides'}</p>`
          : null}
      </header>
      ${this.#body()}
    `;
  }

  #body() {
    const d = this._data;
    if (this._error) {
      const closed = this._error.code === 'forbidden';
      return html`<p class="notice" role=${closed ? 'status' : 'alert'}>
        ${this._error.message} ${closed ? null : html`<button type="button" @click=${this.#load}>Try again</button>`}
      </p>`;
    }
    if (!d) return html`<p class="notice" aria-busy="true">Loading…</p>`;
    if (!d.slides.length) return html`<p class="notice">This run has shown no slides yet.</p>`;
    return html`
      ${!d.open ? html`<p class="preview" role="status">Preview: the room gets this handout when you end the talk.</p>` : null}
      ${d.slides.map(
        (s) => html`<handout-slide ?fit=${this._wide} .slide=${s} .talk=${d.talk} .total=${d.talk.slideCount} .polls=${d.polls.filter((p) => p.slide === s.index)}></handout-slide>`,
      )}
    `;
  }

  readonly #onMedia = () => {
    this._wide = this.#media.matches;
  };

  readonly #load = async () => {
    this._error = undefined;
    try {
      const data = await fetchHandout(this.#slug, { ...(this.#run ? { run: this.#run } : {}), ...(loadKey(this.#slug) ? { key: loadKey(this.#slug)! } : {}) });
      applyDeckTheme(data.talk);
      document.title = `${data.talk.title} — slides`;
      this._data = data;
    } catch (e) {
      const err = e as { code?: string; message?: string };
      this._error = { code: err.code ?? 'internal', message: err.message ?? 'Could not load the slides.' };
    }
  };
}

customElements.define('handout-page', HandoutPage);

declare global {
  interface HTMLElementTagNameMap {
    'handout-page': HandoutPage;
  }
}
