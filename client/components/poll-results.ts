import { LitElement, html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PollResults as Results, PollView } from '../../contract/events.js';
import { srOnly } from './shared-styles.js';
import { pollResultsStyles } from './poll-results-styles.js';

type Choices = Extract<Results, { type: 'single' | 'multiple' }>;
type Words = Extract<Results, { type: 'words' }>;
type Scale = Extract<Results, { type: 'scale' }>;
type Texts = Extract<Results, { type: 'text' }>;

const percent = (n: number, total: number) => (total ? Math.round((n / total) * 100) : 0);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A stable pseudo-random order for the word cloud, so words do not jump about as counts change. */
function cloudOrder(word: string): number {
  let h = 2166136261;
  for (let i = 0; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * A poll's results as charts: bars with counts and percentages for choices, a word cloud sized
 * by count, a histogram with the mean for scales, the latest answers for text. Every answer is
 * shown as text, escaped — audience input never becomes markup. Sizes follow the font size.
 */
export class PollResults extends LitElement {
  static override properties = {
    results: { attribute: false },
    poll: { attribute: false },
  };

  declare results: Results | undefined;
  /** The poll, for the scale's end labels. */
  declare poll: PollView | undefined;

  static override styles = [srOnly, pollResultsStyles];

  constructor() {
    super();
    this.results = undefined;
    this.poll = undefined;
  }

  override render() {
    const r = this.results;
    if (!r) return nothing;
    return html`<p class="total">${plural(r.total, 'answer', 'answers')}</p>${this.#chart(r)}`;
  }

  #chart(r: Results) {
    switch (r.type) {
      case 'single':
      case 'multiple':
        return this.#bars(r);
      case 'words':
        return this.#cloud(r);
      case 'scale':
        return this.#histogram(r);
      case 'text':
        return this.#texts(r);
    }
  }

  #bars(r: Choices) {
    const top = Math.max(0, ...r.counts);
    // a quiz question whose answer was shown: the right options say so (not by colour alone)
    const correct = this.poll?.correct;
    return html`<ol class="bars">
      ${r.options.map((option, i) => {
        const n = r.counts[i] ?? 0;
        const pct = percent(n, r.total);
        const right = correct?.includes(option);
        return html`<li class="${n > 0 && n === top ? 'leader' : ''} ${right ? 'right' : ''}">
          <div class="row">
            <span class="option">${right ? html`✓ ${option}<span class="sr-only"> (right answer)</span>` : option}</span>
            <span class="count">${n} <span class="pct">· ${pct}%</span></span>
          </div>
          <div class="track" aria-hidden="true"><div class="fill" style="inline-size: ${pct}%"></div></div>
        </li>`;
      })}
    </ol>`;
  }

  #cloud(r: Words) {
    if (!r.words.length) return html`<p class="empty">No words yet.</p>`;
    const top = Math.max(...r.words.map((w) => w.count));
    const words = [...r.words].sort((a, b) => cloudOrder(a.word) - cloudOrder(b.word));
    return html`<ul class="cloud">
      ${repeat(
        words,
        (w) => w.word,
        (w) => html`<li style="font-size: ${(1 + (2 * (w.count - 1)) / Math.max(1, top - 1)).toFixed(2)}em">
          <span class="word">${w.word}</span><sup aria-hidden="true">${w.count}</sup><span class="sr-only">: ${plural(w.count, 'time', 'times')}</span>
        </li>`,
      )}
    </ul>`;
  }

  #histogram(r: Scale) {
    const top = Math.max(1, ...r.histogram);
    const [low, high] = this.poll?.labels ?? [];
    const value = (i: number) => r.min + i;
    return html`<div class="histogram" role="img" aria-label=${r.histogram.map((n, i) => `${value(i)}: ${n}`).join(', ')}>
        ${r.histogram.map(
          (n) => html`<div class="column">
            <span class="count">${n}</span>
            <div class="fill" style="block-size: ${(n / top) * 80}%"></div>
          </div>`,
        )}
      </div>
      <div class="axis" aria-hidden="true">${r.histogram.map((_, i) => html`<span>${value(i)}</span>`)}</div>
      ${low || high ? html`<div class="ends"><span>${low ?? ''}</span><span>${high ?? ''}</span></div>` : nothing}
      <p class="mean">${r.mean === null ? 'No average yet' : html`Average <strong>${r.mean.toFixed(1)}</strong> of ${r.max}`}</p>`;
  }

  #texts(r: Texts) {
    if (!r.answers.length) return html`<p class="empty">No answers yet.</p>`;
    return html`<ul class="texts">
      ${repeat(
        r.answers,
        (a) => `${a.at}:${a.text}`,
        (a) => html`<li>${a.text}</li>`,
      )}
    </ul>`;
  }
}

customElements.define('poll-results', PollResults);

declare global {
  interface HTMLElementTagNameMap {
    'poll-results': PollResults;
  }
}
