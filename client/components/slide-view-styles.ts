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
  `;
