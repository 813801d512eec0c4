import { LitElement, css, html, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Theme } from '../../contract/events.js';
import type { SlideLayout } from '../../contract/theme.js';
import { slideContentStyles } from './slide-styles.js';

/** The logical width every fitted slide is laid out at, whatever the window: 36 px body text. */
export const CANVAS_WIDTH = 1280;

/** `16:9` → 16 / 9; anything unreadable falls back to 16:9. */
export function aspectRatio(aspect: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(aspect ?? '');
  const ratio = match ? Number(match[1]) / Number(match[2]) : NaN;
  return Number.isFinite(ratio) && ratio >= 0.5 && ratio <= 4 ? ratio : 16 / 9;
}

/**
 * The factor that makes content of `content` size fit in `available` without growing it:
 * 1 when it fits, less when it is too wide or too tall. Never cuts, never scrolls.
 */
export function fitFactor(available: { width: number; height: number }, content: { width: number; height: number }): number {
  if (content.width <= 0 || content.height <= 0) return 1;
  return Math.min(1, available.width / content.width, available.height / content.height);
}

/** Each deck stylesheet is fetched and parsed once per page, however many slide views use it. */
const deckSheets = new Map<string, Promise<CSSStyleSheet>>();
function deckSheet(url: string): Promise<CSSStyleSheet> {
  let sheet = deckSheets.get(url);
  if (!sheet) {
    const absolute = new URL(url, location.href).href;
    sheet = fetch(absolute)
      .then((res) => (res.ok ? res.text() : Promise.reject(new Error(`${res.status}`))))
      // relative url()s in it resolve against the stylesheet, as they would in a <link>
      .then((text) => new CSSStyleSheet({ baseURL: absolute }).replace(text));
    sheet.catch(() => deckSheets.delete(url));
    deckSheets.set(url, sheet);
  }
  return sheet;
}

/**
 * Shows one slide's server-rendered HTML. The HTML is the speaker's own deck, rendered on the
 * server, so it is trusted and inserted as is. Knows nothing of the network.
 *
 * With `fit` (projector, presenter, previews) the slide is laid out on a fixed logical canvas
 * (1280 px wide, `aspect` tall) that is scaled to the element's width, so it looks the same on
 * every screen; content larger than the canvas (a long listing, a wide table) is scaled down
 * until it fits, never cut off and never scrolled. Without `fit` the slide flows like a
 * document (phones), wide code and tables scrolling sideways in their own box.
 *
 * @csspart slide - the element holding the slide's HTML
 */
export class SlideView extends LitElement {
  static override properties = {
    html: { type: String },
    fit: { type: Boolean, reflect: true },
    theme: { type: String, reflect: true },
    aspect: { type: String },
    layout: { type: String, reflect: true },
    stylesheet: { type: String },
    step: { type: Number },
    background: { attribute: false },
    slideClass: { type: String, attribute: 'slide-class' },
    hidePoll: { type: Boolean, reflect: true, attribute: 'hide-poll' },
  };

  /** The slide's HTML as the server rendered it. */
  declare html: string;
  /** Lay out on the fixed canvas and scale to fit, instead of flowing. */
  declare fit: boolean;
  /** The deck's colour scheme; unset follows the reader's preference (chooses shiki's colours). */
  declare theme: Theme | undefined;
  /** The canvas's proportions, `16:9` (the default) or `4:3` (the deck's `aspect:`). */
  declare aspect: string | undefined;
  /** `title` or `section`: the theme's large, centred style for a title or section slide. */
  declare layout: SlideLayout | undefined;
  /** The deck's own stylesheet URL: it styles the slide (inside this shadow root) and nothing else. */
  declare stylesheet: string | undefined;
  /**
   * How many build steps to show; blocks of a later step (`data-step`) are hidden and the newest
   * one is animated in. Unset shows every step the HTML holds.
   */
  declare step: number | undefined;
  /** The slide's own background colour or image (projector and presenter). */
  declare background: { color?: string; image?: string } | undefined;
  /** Classes for the deck's own stylesheet, on the slide's element. */
  declare slideClass: string;
  /** Hide the slide's static poll markup, where the page shows the live voting form instead. */
  declare hidePoll: boolean;

  static override styles = [
    slideContentStyles,
    css`
      :host {
        display: block;
        color: var(--fg);
      }
      :host([fit]) {
        position: relative;
        overflow: hidden;
        background: var(--bg);
      }
      .canvas {
        position: absolute;
        inset: 0 auto auto 0;
        transform-origin: 0 0;
        container-type: size;
      }
      .frame {
        box-sizing: border-box;
        width: 100%;
        height: 100%;
        padding: 36px 77px;
        display: flex;
        flex-direction: column;
        justify-content: center;
        align-items: center;
      }
      .fit-box {
        flex: none;
        position: relative;
      }
      :host([fit]) .slide {
        position: absolute;
        inset: 0 auto auto 0;
        transform-origin: 0 0;
        display: flow-root;
        /* 1280 px wide → 36 px text: the projector reads like a slide, not a page */
        font-size: calc(${CANVAS_WIDTH}px / 36);
      }
      /* on the canvas nothing scrolls: a wide listing or table widens the slide, which then scales */
      :host([fit]) pre {
        overflow: visible;
        width: max-content;
        min-width: 100%;
        box-sizing: border-box;
      }
      :host([fit]) table {
        display: table;
        overflow: visible;
      }
      /* the newest build step comes in; a reader who asked for less motion just sees it */
      .step-new {
        animation: step-in 0.35s ease-out;
      }
      @keyframes step-in {
        from {
          opacity: 0;
          transform: translateY(0.4em);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .step-new {
          animation: none;
        }
      }
      :host([fit]) {
        background-size: cover;
        background-position: center;
      }
      /* two columns, and an image beside the text: side by side on a slide, stacked on a phone */
      .cols,
      .split {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 1.5em;
        align-items: start;
      }
      .split {
        align-items: center;
      }
      .col > :first-child {
        margin-top: 0;
      }
      .media {
        margin: 0;
      }
      .media img {
        display: block;
        width: 100%;
        object-fit: cover;
        border-radius: var(--radius, 0.5rem);
      }
      :host([fit]) .media img {
        max-height: 85cqh;
        height: 85cqh;
      }
      :host(:not([fit])) .cols,
      :host(:not([fit])) .split {
        grid-template-columns: 1fr;
      }
      :host([layout='center']) .slide {
        text-align: center;
      }
      [data-step][hidden] {
        display: none;
      }
      /* the lines of a code step stand out; the others step back */
      pre.hl-dim .line {
        transition: opacity 0.25s;
      }
      pre.hl-dim .line:not(.hl) {
        opacity: 0.35;
      }
      :host([hide-poll]) .poll {
        display: none;
      }
      :host([fit]) img,
      :host([fit]) video {
        max-height: 60cqh;
        object-fit: contain;
      }
    `,
  ];

  #resize: ResizeObserver | undefined;

  constructor() {
    super();
    this.html = '';
    this.fit = false;
    this.theme = undefined;
    this.aspect = undefined;
    this.layout = undefined;
    this.stylesheet = undefined;
    this.step = undefined;
    this.background = undefined;
    this.slideClass = '';
    this.hidePoll = false;
  }

  override connectedCallback() {
    super.connectedCallback();
    this.#resize = new ResizeObserver(() => this.#layout());
    this.#resize.observe(this);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#resize?.disconnect();
    this.#resize = undefined;
  }

  override render() {
    const content = html`<div class=${`slide ${this.slideClass}`.trim()} part="slide">${unsafeHTML(this.html)}</div>`;
    if (!this.fit) return content;
    const height = CANVAS_WIDTH / aspectRatio(this.aspect);
    return html`<div class="canvas" style="width:${CANVAS_WIDTH}px;height:${height}px">
      <div class="frame"><div class="fit-box">${content}</div></div>
    </div>`;
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('stylesheet')) void this.#adoptDeckStyles(this.stylesheet);
  }

  /**
   * The deck's stylesheet joins the element's own, after them, so its rules win over the theme's
   * at equal specificity (a <link> in the shadow root would come before adopted sheets and lose).
   */
  async #adoptDeckStyles(url: string | undefined) {
    const root = this.renderRoot as ShadowRoot;
    this.#ownSheets ??= [...root.adoptedStyleSheets];
    const sheet = url ? await deckSheet(url).catch(() => undefined) : undefined;
    if (url !== this.stylesheet) return; // a newer one was asked for meanwhile
    root.adoptedStyleSheets = sheet ? [...this.#ownSheets, sheet] : this.#ownSheets;
    this.#layout();
  }

  #ownSheets: CSSStyleSheet[] | undefined;

  #shownStep: number | undefined;

  /** Hides what a later step reveals and animates the newest step when it arrives. */
  #applyStep() {
    const step = this.step;
    const grew = step !== undefined && this.#shownStep !== undefined && step > this.#shownStep;
    for (const el of this.renderRoot.querySelectorAll<HTMLElement>('[data-step]')) {
      const at = Number(el.dataset.step);
      el.hidden = step !== undefined && at > step;
      el.classList.toggle('step-new', grew && at === step);
    }
    // code that steps through line ranges: the stage of the current step highlights its lines
    for (const pre of this.renderRoot.querySelectorAll<HTMLElement>('pre[data-hl-steps]')) {
      const starts = (pre.dataset.hlSteps ?? '').split(' ').map(Number);
      const stage = step === undefined ? starts.at(-1)! : Math.max(...starts.filter((s) => s <= step), starts[0]!);
      let any = false;
      for (const line of pre.querySelectorAll<HTMLElement>('.line')) {
        const on = (line.dataset.hl ?? '').split(' ').includes(String(stage));
        line.classList.toggle('hl', on);
        any ||= on;
      }
      pre.classList.toggle('hl-dim', any);
    }
    this.#shownStep = step;
  }

  override updated(changed: PropertyValues<this>) {
    // another slide (or a phone's copy growing to the new step, which then animates)
    if (changed.has('html') && (this.step === undefined || this.#shownStep === undefined || this.step <= this.#shownStep)) this.#shownStep = undefined;
    this.#applyStep();
    // a slide's own background shows where the slide is a picture (projector, console); phones follow the theme
    const bg = this.fit ? this.background : undefined;
    this.style.backgroundColor = bg?.color ?? '';
    this.style.backgroundImage = bg?.image ? `url("${bg.image.replace(/"/g, '%22')}")` : '';
    if (this.fit) {
      this.style.aspectRatio = String(aspectRatio(this.aspect));
      // the content's own size changes (an image loads, a font arrives): fit again
      const slide = this.renderRoot.querySelector<HTMLElement>('.slide');
      if (slide) this.#resize?.observe(slide);
      this.renderRoot.querySelectorAll('img').forEach((img) => img.addEventListener('load', () => this.#layout(), { once: true }));
    } else {
      this.style.aspectRatio = '';
    }
    this.#layout();
  }

  /** Scales the canvas to the element, and the content to the canvas. */
  #layout() {
    if (!this.fit) return;
    const canvas = this.renderRoot.querySelector<HTMLElement>('.canvas');
    const frame = this.renderRoot.querySelector<HTMLElement>('.frame');
    const box = this.renderRoot.querySelector<HTMLElement>('.fit-box');
    const slide = this.renderRoot.querySelector<HTMLElement>('.slide');
    if (!canvas || !frame || !box || !slide) return;
    canvas.style.transform = `scale(${this.clientWidth / CANVAS_WIDTH})`;

    const style = getComputedStyle(frame);
    const available = {
      width: frame.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
      height: frame.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom),
    };
    // lay out at the canvas's width, unscaled, and measure what the content really takes
    slide.style.width = `${available.width}px`;
    slide.style.transform = '';
    const natural = { width: Math.max(available.width, slide.scrollWidth), height: slide.scrollHeight };
    const factor = fitFactor(available, natural);
    slide.style.transform = factor < 1 ? `scale(${factor})` : '';
    box.style.width = `${natural.width * factor}px`;
    box.style.height = `${natural.height * factor}px`;
    this.dataset.fitScale = factor.toFixed(3);
  }
}

customElements.define('slide-view', SlideView);

declare global {
  interface HTMLElementTagNameMap {
    'slide-view': SlideView;
  }
}
