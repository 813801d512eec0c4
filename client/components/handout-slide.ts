import { LitElement, css, html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { TalkInfo } from '../../contract/events.js';
import type { PollResultsExport, SlideData } from '../../contract/http.js';
import { aspectRatio } from './slide-canvas.js';
import { slideContentStyles } from './slide-styles.js';
import './slide-view.js';
import './poll-results.js';

/** The paper box a slide's page fills (A4 landscape less 10 mm margins, in CSS px): the screen lays it out the same. */
const PAGE = { width: 1000, height: 640 };

/**
 * The width of the slide on its page: as large as the page allows, smaller when its poll's results
 * sit beside it or its notes under it. Fixed in px, so the fitted canvas is scaled once, the same on
 * screen and on paper (printing runs no script to scale it again).
 */
export function handoutSlideWidth(aspect: string | undefined, beside: { poll: boolean; notes: boolean }): number {
  const ratio = aspectRatio(aspect);
  const width = beside.poll ? 600 : PAGE.width;
  const height = beside.notes ? 400 : PAGE.height - 40;
  return Math.floor(Math.min(width, height * ratio));
}

/**
 * One slide of the handout, a page of its own in print: the slide whole (every build step), the
 * run's results of its poll beside it, its notes under it when the deck hands them out. With
 * `fit` the slide is the projector's canvas at a fixed size; without (a phone) it flows like text.
 *
 * @csspart page - the box holding the slide, its results and its notes
 */
export class HandoutSlide extends LitElement {
  static override properties = {
    slide: { attribute: false },
    talk: { attribute: false },
    polls: { attribute: false },
    fit: { type: Boolean, reflect: true },
    total: { type: Number },
  };

  declare slide: SlideData | undefined;
  declare talk: TalkInfo | undefined;
  /** The run's polls on this slide, with their results. */
  declare polls: PollResultsExport[];
  /** Lay the slide out on the projector's canvas (desktop and paper); else it flows (phones). */
  declare fit: boolean;
  /** How many slides the deck has, for "3 / 12". */
  declare total: number;

  static override styles = [
    slideContentStyles,
    css`
      :host {
        display: block;
        break-after: page;
        break-inside: avoid;
        margin: 0 auto 2rem;
      }
      :host([fit]) {
        width: ${PAGE.width}px;
      }
      .row {
        display: flex;
        gap: 1.5rem;
        align-items: flex-start;
      }
      :host(:not([fit])) .row {
        flex-direction: column;
        gap: 1rem;
      }
      slide-view {
        flex: none;
        max-width: 100%;
        border: 1px solid var(--border);
        border-radius: var(--radius);
      }
      :host(:not([fit])) slide-view {
        box-sizing: border-box;
        padding: 1rem;
        width: 100%;
      }
      .poll {
        flex: 1;
        min-width: 0;
      }
      .poll h3 {
        margin: 0 0 0.5rem;
        font-size: 1.15rem;
        line-height: 1.3;
      }
      .hidden {
        color: var(--muted);
      }
      .notes {
        margin-top: 1rem;
        padding: 0.75rem 1rem;
        border-inline-start: 4px solid var(--accent);
        background: var(--surface);
        font-size: 0.95rem;
      }
      .notes h2 {
        margin: 0 0 0.25rem;
        font-size: 0.85rem;
        text-transform: uppercase;
        letter-spacing: 0.05em;
        color: var(--muted);
      }
      .number {
        margin: 0.35rem 0 0;
        color: var(--muted);
        font-size: 0.85rem;
        font-variant-numeric: tabular-nums;
      }
      @media print {
        /* one page each, never split across two: what does not fit is cut, not carried over */
        :host {
          margin: 0;
          height: 186mm;
          overflow: hidden;
        }
        slide-view {
          border: none;
          border-radius: 0;
        }
      }
    `,
  ];

  constructor() {
    super();
    this.slide = undefined;
    this.talk = undefined;
    this.polls = [];
    this.fit = false;
    this.total = 0;
  }

  override render() {
    const s = this.slide;
    if (!s) return nothing;
    const talk = this.talk;
    const shown = this.polls.filter((p) => p.results);
    const width = handoutSlideWidth(talk?.aspect, { poll: this.polls.length > 0, notes: Boolean(s.notes) });
    return html`<div part="page">
      <div class="row">
        <slide-view ?fit=${this.fit} .html=${s.html} .theme=${talk?.theme} .layout=${s.layout} .background=${s.background} .chrome=${s.chrome} .slideClass=${s.className ?? ''}
          .stylesheet=${talk?.stylesheet} .aspect=${talk?.aspect} ?hide-poll=${shown.length > 0} style=${this.fit ? `width: ${width}px` : ''}></slide-view>
        ${this.polls.length ? html`<div class="poll">${this.polls.map((p) => this.#poll(p))}</div>` : nothing}
      </div>
      ${s.notes ? html`<aside class="notes" aria-label="Speaker notes"><h2>Notes</h2>${unsafeHTML(s.notes)}</aside>` : nothing}
      <p class="number">${s.label ?? s.index + 1}${this.total ? ` / ${this.total}` : ''}</p>
    </div>`;
  }

  #poll(p: PollResultsExport) {
    return html`<section aria-label=${`Results: ${p.question}`}>
      <h3>${p.question}</h3>
      ${p.results
        ? html`<poll-results .results=${p.results} .poll=${p}></poll-results>`
        : html`<p class="hidden">${p.total} ${p.total === 1 ? 'answer' : 'answers'} · the presenter kept these results hidden.</p>`}
    </section>`;
  }
}

customElements.define('handout-slide', HandoutSlide);

declare global {
  interface HTMLElementTagNameMap {
    'handout-slide': HandoutSlide;
  }
}
