/** The slide view's own styles: the fitted canvas, builds, layouts; the slide content's are in slide-styles.ts. */
import { css } from 'lit';
import { CANVAS_WIDTH } from './slide-canvas.js';

export const slideViewStyles = css`
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
    /* a picture of its own width (Marp: ![bg right:40%]) */
    .split.media-left {
      grid-template-columns: var(--media-width, 1fr) 1fr;
    }
    .split.media-right {
      grid-template-columns: 1fr var(--media-width, 1fr);
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
    :host(:not([fit])) .split,
    :host(:not([fit])) .split.media-left,
    :host(:not([fit])) .split.media-right {
      grid-template-columns: 1fr;
    }
    :host([layout='center']) .slide,
    :host([layout='fact']) .slide,
    :host([layout='end']) .slide {
      text-align: center;
    }
    /* Slidev's: one big number or statement; a quote set large */
    :host([layout='fact']) h1 {
      font-size: 3.2em;
    }
    :host([layout='quote']) blockquote,
    :host([layout='quote']) p {
      font-size: 1.3em;
      font-style: italic;
    }
    /* fitted headings: one line, sized by the view to the slide's width */
    :host([fit]) .fit :is(h1, h2, h3, h4, h5, h6) {
      white-space: nowrap;
      width: max-content;
      max-width: none;
      line-height: 1.05;
      margin-inline: auto;
    }
    :host(:not([fit])) .fit :is(h1, h2, h3, h4, h5, h6) {
      font-size: clamp(2rem, 11vw, 4rem);
      line-height: 1.05;
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
    .chrome.page {
      inset-inline: auto 32px;
      bottom: 12px;
      font-variant-numeric: tabular-nums;
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
  `;
