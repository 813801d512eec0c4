/**
 * What only a fitted slide view needs (projector, presenter, previews): the canvas's styles and
 * fitted headings. Loaded on its own, so phones, which never fit, do not download it (slide-view
 * loads it when it is set to fit; the screen and presenter pages import it up front so it is there
 * before their first slide).
 */
import { css } from 'lit';
import { CANVAS_WIDTH } from './slide-canvas.js';

export const slideFitStyles = css`
    /* Slidev's layouts for a slide as a picture: one big number or statement, the end, a quote set large */
    :host([layout='fact']) .slide,
    :host([layout='end']) .slide {
      text-align: center;
    }
    :host([layout='fact']) h1 {
      font-size: 3.2em;
    }
    :host([layout='quote']) blockquote,
    :host([layout='quote']) p {
      font-size: 1.3em;
      font-style: italic;
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
    :host([fit]) {
      background-size: cover;
      background-position: center;
    }
    /* a picture of its own width (Marp: ![bg right:40%]) */
    .split.media-left {
      grid-template-columns: var(--media-width, 1fr) 1fr;
    }
    .split.media-right {
      grid-template-columns: 1fr var(--media-width, 1fr);
    }
    :host([fit]) .media img {
      max-height: 85cqh;
      height: 85cqh;
    }
    /* fitted headings: one line, sized by the view to the slide's width */
    :host([fit]) .fit :is(h1, h2, h3, h4, h5, h6) {
      white-space: nowrap;
      width: max-content;
      max-width: none;
      line-height: 1.05;
      margin-inline: auto;
    }
    /* header, footer and page number: small, on the canvas's edges */
    .chrome {
      position: absolute;
      inset-inline: 77px;
      font-size: 20px;
      opacity: 0.7;
    }
    .chrome.top {
      top: 12px;
    }
    .chrome.bottom {
      bottom: 12px;
    }
    /* top right: the bottom right is where the screen view shows how to join */
    .chrome.page {
      inset-inline: auto 32px;
      top: 12px;
      font-variant-numeric: tabular-nums;
    }
    :host([fit]) img,
    :host([fit]) video {
      max-height: 60cqh;
      object-fit: contain;
    }
  `;

/**
 * Headings in a `::: fit` block (Marp's `<!--fit-->`, Deckset's `[fit]`, Quarto's `.r-fit-text`)
 * grow or shrink to fill the slide's width on one line, never taller than half the slide.
 */
export function fitHeadings(slide: HTMLElement, available: { width: number; height: number }): void {
  for (const heading of slide.querySelectorAll<HTMLElement>('.fit :is(h1, h2, h3, h4, h5, h6)')) {
    heading.style.fontSize = '';
    const base = parseFloat(getComputedStyle(heading).fontSize);
    const width = heading.scrollWidth;
    if (!width || !base) continue;
    heading.style.fontSize = `${Math.min((base * available.width) / width, available.height / 2)}px`;
  }
}
