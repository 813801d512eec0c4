import { LitElement, css, html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { Theme } from '../../contract/events.js';
import { slideContentStyles } from './slide-styles.js';

/**
 * Shows one slide's server-rendered HTML. The HTML is the speaker's own deck, rendered on the
 * server, so it is trusted and inserted as is. Knows nothing of the network.
 *
 * `fit` turns the slide into a 16:9 box whose text scales with its width (projector, previews);
 * without it the slide flows like a document (phones).
 *
 * @csspart slide - the element holding the slide's HTML
 */
export class SlideView extends LitElement {
  static override properties = {
    html: { type: String },
    fit: { type: Boolean, reflect: true },
    theme: { type: String, reflect: true },
    hidePoll: { type: Boolean, reflect: true, attribute: 'hide-poll' },
  };

  /** The slide's HTML as the server rendered it. */
  declare html: string;
  /** Scale to a 16:9 box instead of flowing. */
  declare fit: boolean;
  /** The deck's colour scheme; unset follows the reader's preference (chooses shiki's colours). */
  declare theme: Theme | undefined;
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
        aspect-ratio: 16 / 9;
        container-type: size;
        overflow: hidden;
        background: var(--bg);
      }
      :host([fit]) .slide {
        box-sizing: border-box;
        height: 100%;
        display: flex;
        flex-direction: column;
        justify-content: center;
        padding: 5cqh 6cqw;
        /* 1280 px wide → 36 px text: the projector reads like a slide, not a page */
        font-size: calc(100cqw / 36);
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

  constructor() {
    super();
    this.html = '';
    this.fit = false;
    this.theme = undefined;
    this.hidePoll = false;
  }

  override render() {
    return html`<div class="slide" part="slide">${unsafeHTML(this.html)}</div>`;
  }
}

customElements.define('slide-view', SlideView);

declare global {
  interface HTMLElementTagNameMap {
    'slide-view': SlideView;
  }
}
