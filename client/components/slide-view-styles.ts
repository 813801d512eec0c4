/** The slide view's own styles: builds, layouts; the fitted canvas's are in slide-fit-styles.ts, the slide content's in slide-styles.ts. */
import { css } from 'lit';

export const slideViewStyles = css`
    :host {
      display: block;
      color: var(--fg);
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
  `;
