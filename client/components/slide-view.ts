import { LitElement, html, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Theme } from '../../contract/events.js';
import type { SlideLayout } from '../../contract/theme.js';
import type { SlideBackground, SlideChrome } from '../../contract/http.js';
import { slideContentStyles } from './slide-styles.js';
import { slideViewStyles } from './slide-view-styles.js';
import { aspectRatio, CANVAS_WIDTH, fitFactor } from './slide-canvas.js';
import { deckSheet } from '../lib/deck-styles.js';
import { ResizeController } from '../controllers/resize-controller.js';

export { aspectRatio, CANVAS_WIDTH, fitFactor };

type FitModule = typeof import('./slide-fit.js');
let fitModule: Promise<FitModule> | undefined;
let fitLoaded: FitModule | undefined;
/** What a fitted view needs, loaded once, when the first view fits (never on a phone). */
function loadFit(): Promise<FitModule> {
  fitModule ??= import('./slide-fit.js').then((loaded) => (fitLoaded = loaded));
  return fitModule;
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
    chrome: { attribute: false },
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
  /** The slide's own background colour or image, and text colour (projector and presenter). */
  declare background: SlideBackground | undefined;
  /** Header, footer and page number, around the content on the canvas (projector and presenter). */
  declare chrome: SlideChrome | undefined;
  /** Classes for the deck's own stylesheet, on the slide's element. */
  declare slideClass: string;
  /** Hide the slide's static poll markup, where the page shows the live voting form instead. */
  declare hidePoll: boolean;

  static override styles = [slideContentStyles, slideViewStyles];

  readonly #resize = new ResizeController(this, () => this.#layout());

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
    this.chrome = undefined;
    this.slideClass = '';
    this.hidePoll = false;
  }

  override render() {
    const content = html`<div class=${`slide ${this.slideClass}`.trim()} part="slide">${unsafeHTML(this.html)}</div>`;
    if (!this.fit) return content;
    const height = CANVAS_WIDTH / aspectRatio(this.aspect);
    const chrome = this.chrome;
    return html`<div class="canvas" style="width:${CANVAS_WIDTH}px;height:${height}px">
      ${chrome?.header ? html`<header class="chrome top">${unsafeHTML(chrome.header)}</header>` : null}
      <div class="frame"><div class="fit-box">${content}</div></div>
      ${chrome?.footer ? html`<footer class="chrome bottom">${unsafeHTML(chrome.footer)}</footer>` : null}
      ${chrome?.page ? html`<span class="chrome page">${chrome.page}</span>` : null}
    </div>`;
  }

  override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('stylesheet') || changed.has('fit')) void this.#adoptSheets();
  }

  /**
   * The fitted canvas's sheet (fetched only by views that fit) and the deck's stylesheet join the
   * element's own, after them, so the deck's rules win over the theme's at equal specificity (a
   * <link> in the shadow root would come before adopted sheets and lose).
   */
  async #adoptSheets() {
    const root = this.renderRoot as ShadowRoot;
    this.#ownSheets ??= [...root.adoptedStyleSheets];
    const [url, fit] = [this.stylesheet, this.fit];
    const [fitted, deck] = await Promise.all([fit ? loadFit().then((m) => m.slideFitStyles.styleSheet) : undefined, url ? deckSheet(url).catch(() => undefined) : undefined]);
    if (url !== this.stylesheet || fit !== this.fit) return; // a newer one was asked for meanwhile
    root.adoptedStyleSheets = [...this.#ownSheets, ...(fitted ? [fitted] : []), ...(deck ? [deck] : [])];
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
    // the layouts set in the theme's title style; the others (columns, a picture beside the text) read as ordinary slides
    this.toggleAttribute('headline', this.layout === 'title' || this.layout === 'section' || this.layout === 'end');
    // a slide's own background shows where the slide is a picture (projector, console); phones follow the theme
    const bg = this.fit ? this.background : undefined;
    this.style.backgroundColor = bg?.color ?? '';
    this.style.backgroundImage = bg?.image ? `url("${bg.image.replace(/"/g, '%22')}")` : '';
    this.style.color = bg?.text ?? '';
    if (this.fit) {
      this.style.aspectRatio = String(aspectRatio(this.aspect));
      // the content's own size changes (an image loads, a font arrives): fit again
      const slide = this.renderRoot.querySelector<HTMLElement>('.slide');
      if (slide) this.#resize.watch(slide);
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
    // (until the fit module is in, the view lays out again once it is)
    fitLoaded?.fitHeadings(slide, available);
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
