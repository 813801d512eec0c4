import { LitElement, html } from 'lit';
import { loadKey } from '../lib/presenter-key.js';
import { fetchResults, resultsUrls, type PollResultsExport, type RunResults, type TalkResults } from '../lib/api.js';
import { slugFromPath } from '../lib/location.js';
import { resultsStyles } from './results-styles.js';
import '../components/poll-results.js';
import '../components/engagement-timeline.js';
import '../components/run-questions.js';
import '../components/chart-export.js';

const TYPE_NAMES: Record<PollResultsExport['type'], string> = {
  single: 'Single choice',
  multiple: 'Multiple choice',
  words: 'Word cloud',
  scale: 'Scale',
  text: 'Open text',
};

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * After the talk, per run (newest first, any earlier one on request): the engagement timeline
 * (time, reactions, answers and questions per slide, and where the room was lost), the questions
 * with their votes, and every poll as the same chart the room saw; CSV and JSON downloads, and a
 * layout that prints. `?run=N` picks the run, so a link can point at one delivery.
 */
export class ResultsPage extends LitElement {
  static override properties = {
    _data: { state: true },
    _error: { state: true },
    _run: { state: true },
  };

  declare private _data: TalkResults | undefined;
  declare private _error: string;
  /** The run number shown; undefined means the newest. */
  declare private _run: number | undefined;

  readonly #slug = slugFromPath();

  static override styles = resultsStyles;

  constructor() {
    super();
    this._data = undefined;
    this._error = '';
    const run = Number(new URLSearchParams(location.search).get('run'));
    this._run = Number.isInteger(run) && run > 0 ? run : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.#load();
  }

  override render() {
    const data = this._data;
    const urls = resultsUrls(this.#slug);
    const runs = [...(data?.runs ?? [])].sort((a, b) => b.number - a.number);
    const run = runs.find((r) => r.number === this._run) ?? runs[0];
    return html`
      <h1>${data ? `Results: ${data.title}` : 'Results'}</h1>
      <p class="sub">
        ${run ? html`Run ${run.number}, ${when.format(run.startedAt)}${run.endedAt ? ` – ${when.format(run.endedAt)}` : ''} · ` : ''}
        <a href=${`/${encodeURIComponent(this.#slug)}`}>Back to the talk</a>
      </p>
      <div class="tools">
        ${runs.length > 1
          ? html`<label>Run
              <select @change=${this.#pickRun}>
                ${runs.map((r) => html`<option value=${r.number} ?selected=${r === run}>Run ${r.number} — ${when.format(r.startedAt)}</option>`)}
              </select>
            </label>`
          : null}
        <span class="links">
          ${run ? html`<a href=${`/${encodeURIComponent(this.#slug)}/handout?run=${run.number}`}>Slides</a>` : null}
          <a href=${urls.csv} download>Download CSV</a>
          <a href=${urls.json} target="_blank" rel="noopener">JSON</a>
          <button type="button" @click=${() => window.print()}>Print</button>
        </span>
      </div>
      ${this._error
        ? html`<p class="error" role="alert">${this._error} <button type="button" @click=${this.#load}>Try again</button></p>`
        : !data
          ? html`<p class="empty" aria-busy="true">Loading…</p>`
          : this.#run(run)}
    `;
  }

  /** A saved chart's file name: the talk, the run and the poll, in characters every file system takes. */
  #fileName(run: RunResults, p: PollResultsExport): string {
    return `${this.#slug}-run${run.number}-${p.id}`.replace(/[^a-z0-9-]+/gi, '-').slice(0, 100);
  }

  #run(run: RunResults | undefined) {
    if (!run) return html`<p class="empty">This talk has not been given yet.</p>`;
    return html`
      <section aria-labelledby="timeline-h">
        <h2 id="timeline-h">Engagement timeline</h2>
        <engagement-timeline .timeline=${run.timeline}></engagement-timeline>
      </section>
      <section aria-labelledby="questions-h">
        <h2 id="questions-h">Questions</h2>
        <run-questions .questions=${run.questions}></run-questions>
      </section>
      <section aria-labelledby="polls-h">
        <h2 id="polls-h">Polls</h2>
        ${run.polls.length
          ? html`<div class="polls">${run.polls.map((p) => this.#poll(p, this.#fileName(run, p)))}</div>`
          : html`<p class="empty">No polls were asked in this run.</p>`}
      </section>
    `;
  }

  #poll(p: PollResultsExport, file: string) {
    return html`<article aria-labelledby=${`q-${p.id}`}>
      <h3 id=${`q-${p.id}`}>${p.question}</h3>
      <p class="meta">
        ${TYPE_NAMES[p.type]}${p.slide === null ? ' · asked ad hoc' : ` · slide ${p.slide + 1}`}${p.openedAt ? ` · opened ${when.format(p.openedAt)}` : ''}
      </p>
      ${p.results
        ? html`<poll-results .results=${p.results} .poll=${p}></poll-results>
            <chart-export .results=${p.results} .poll=${p} .name=${file}></chart-export>`
        : html`<p class="empty">${p.total} ${p.total === 1 ? 'answer' : 'answers'} · the presenter kept these results hidden.</p>`}
    </article>`;
  }

  readonly #pickRun = (e: Event) => {
    this._run = Number((e.target as HTMLSelectElement).value);
    const url = new URL(location.href);
    url.searchParams.set('run', String(this._run));
    history.replaceState(history.state, '', url);
  };

  readonly #load = async () => {
    this._error = '';
    try {
      this._data = await fetchResults(this.#slug, loadKey(this.#slug));
      document.title = `Results: ${this._data.title}`;
    } catch (e) {
      this._error = e instanceof Error ? e.message : 'Could not load the results.';
    }
  };
}

customElements.define('results-page', ResultsPage);

declare global {
  interface HTMLElementTagNameMap {
    'results-page': ResultsPage;
  }
}
