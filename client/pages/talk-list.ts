import { LitElement, css, html } from 'lit';
import { fetchTalks, type TalkSummary } from '../lib/api.js';
import { buttonStyles } from '../components/shared-styles.js';

/** The index page: every talk this server holds, with links to its views and results. */
export class TalkList extends LitElement {
  static override properties = {
    _talks: { state: true },
    _error: { state: true },
  };

  /** undefined while loading. */
  declare private _talks: TalkSummary[] | undefined;
  declare private _error: string;

  static override styles = [
    buttonStyles,
    css`
      :host {
        display: block;
        max-width: 48rem;
        margin: 0 auto;
        padding: 1.5rem 1rem 3rem;
      }
      h1 {
        margin: 0 0 1rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      li {
        padding: 1rem;
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: var(--surface);
      }
      h2 {
        margin: 0 0 0.25rem;
        font-size: 1.15rem;
      }
      .meta {
        margin: 0 0 0.6rem;
        color: var(--muted);
        font-size: 0.9rem;
      }
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
      }
      a {
        color: var(--accent-text);
      }
      .error {
        color: var(--danger);
      }
      .broken {
        border-style: dashed;
        background: transparent;
      }
      .broken .meta {
        color: var(--danger);
        margin: 0;
      }
    `,
  ];

  constructor() {
    super();
    this._talks = undefined;
    this._error = '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  override render() {
    return html`
      <h1>Talks</h1>
      ${this._error
        ? html`<p class="error" role="alert">${this._error} <button type="button" @click=${this.#load}>Try again</button></p>`
        : this._talks === undefined
          ? html`<p aria-busy="true">Loading…</p>`
          : this._talks.length === 0
            ? html`<p>No talks yet. Start the server with a Markdown file: <code>npm start -- talk.md</code></p>`
            : html`<ul>${this._talks.map((t) => this.#item(t))}</ul>`}
    `;
  }

  #item(t: TalkSummary) {
    if (t.broken !== undefined) {
      return html`<li class="broken">
        <h2>${t.title}</h2>
        <p class="meta">Not loaded: ${t.broken}</p>
      </li>`;
    }
    const base = `/${encodeURIComponent(t.slug)}`;
    return html`<li>
      <h2>${t.title}</h2>
      <p class="meta">${t.slideCount} slides · on slide ${t.current + 1}</p>
      <nav aria-label="Views of ${t.title}">
        <a href=${base}>Audience</a>
        <a href=${`${base}/screen`}>Screen</a>
        <a href=${`${base}/present`}>Present</a>
        <a href=${`${base}/results`}>Results</a>
      </nav>
    </li>`;
  }

  readonly #load = async () => {
    this._error = '';
    try {
      this._talks = await fetchTalks();
    } catch (e) {
      this._error = e instanceof Error ? e.message : 'Could not load the talks.';
    }
  };
}

customElements.define('talk-list', TalkList);

declare global {
  interface HTMLElementTagNameMap {
    'talk-list': TalkList;
  }
}
