/**
 * Styles for the server-rendered slide HTML. Sizes are in em so the same rules serve a phone
 * (flowing text) and the projector (a 16:9 box whose font size follows its width).
 */
import { css } from 'lit';

export const slideContentStyles = css`
  /*
   * In a layer: a deck's own stylesheet (unlayered, adopted after this one) wins over every rule
   * here whatever their specificity, so \`h1 { … }\` in style.css restyles even a title slide.
   */
  @layer lectern-slide {
  .slide {
    overflow-wrap: anywhere;
    line-height: 1.45;
    font-family: var(--slide-font, inherit);
  }
  .slide > :first-child {
    margin-top: 0;
  }
  .slide > :last-child {
    margin-bottom: 0;
  }
  h1,
  h2,
  h3,
  h4 {
    line-height: 1.15;
    margin: 0 0 0.5em;
    text-wrap: balance;
    font-family: var(--heading-font, inherit);
    font-weight: var(--heading-weight, 700);
    letter-spacing: var(--heading-tracking, normal);
    color: var(--heading-color, inherit);
  }
  h1 {
    font-size: 1.9em;
  }
  h2 {
    font-size: 1.5em;
  }
  h3 {
    font-size: 1.2em;
  }
  p,
  ul,
  ol,
  blockquote,
  table,
  figure,
  pre {
    margin: 0 0 0.75em;
  }
  ul,
  ol {
    padding-inline-start: 1.3em;
  }
  li + li {
    margin-top: 0.25em;
  }
  a {
    color: var(--accent-text);
    text-decoration: var(--link-decoration, underline);
    text-underline-offset: 0.15em;
  }
  /* a title slide, a section divider, the end: large, centred, on the theme's title colours (slide-view sets headline) */
  :host([headline]) .slide {
    text-align: center;
  }
  :host([layout='title']) h1,
  :host([layout='title']) h2 {
    font-size: 2.5em;
    line-height: 1.05;
  }
  :host([layout='section']) h1,
  :host([layout='section']) h2 {
    font-size: 2.1em;
  }
  :host([headline]) p {
    color: var(--title-muted, var(--muted));
    font-size: 1.1em;
  }
  :host([headline][fit]) {
    background: var(--title-bg, var(--bg));
    color: var(--title-fg, var(--fg));
  }
  :host([headline][fit]) h1,
  :host([headline][fit]) h2 {
    color: var(--title-fg, var(--heading-color, inherit));
  }
  :host([headline][fit]) p {
    color: var(--title-fg, var(--muted));
  }
  strong {
    font-weight: 650;
  }
  blockquote {
    border-inline-start: 0.25em solid var(--accent);
    padding-inline-start: 0.75em;
    color: var(--muted);
  }
  img,
  video,
  svg {
    max-width: 100%;
    height: auto;
  }
  figure {
    margin-inline: 0;
  }
  figcaption {
    color: var(--muted);
    font-size: 0.8em;
  }
  /* an image the server could not find: show where it should be rather than hide it */
  .missing-image {
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 0.25em;
    min-height: 5em;
    padding: 1em;
    border: 0.15em dashed var(--muted);
    border-radius: var(--radius, 0.5rem);
    color: var(--muted);
    text-align: center;
  }
  /* a poll's question as the deck shows it, before (or instead of) the live form and chart */
  .poll-question {
    font-size: 1.15em;
    font-weight: 600;
  }
  .poll-scale {
    color: var(--muted);
  }
  table {
    border-collapse: collapse;
    display: block;
    overflow-x: auto;
  }
  th,
  td {
    border: 1px solid var(--border);
    padding: 0.3em 0.6em;
    text-align: start;
  }
  code {
    font-family: var(--mono, monospace);
    font-size: 0.9em;
  }
  :not(pre) > code {
    background: var(--code-bg);
    border-radius: 0.25em;
    padding: 0.1em 0.3em;
  }
  pre {
    background: var(--code-bg);
    /* shiki's light background is white: the border keeps the block visible on a white slide */
    border: 1px solid var(--border);
    border-radius: var(--radius, 0.5rem);
    padding: 0.75em 1em;
    overflow-x: auto;
    font-size: 0.8em;
    line-height: 1.5;
    tab-size: 2;
  }
  pre code {
    font-size: inherit;
  }
  /*
   * shiki dual themes: spans carry --shiki-light / --shiki-dark (and -bg). Light applies by
   * default (inline colours, if the server chose a default colour, still win); dark applies
   * when the deck or the reader asks for it.
   */
  .shiki {
    background-color: var(--shiki-light-bg, var(--code-bg));
  }
  .shiki,
  .shiki span {
    color: var(--shiki-light);
    font-style: var(--shiki-light-font-style);
    font-weight: var(--shiki-light-font-weight);
  }
  :host([theme='dark']) .shiki,
  :host([theme='dark']) .shiki span {
    color: var(--shiki-dark) !important;
    background-color: var(--shiki-dark-bg, var(--code-bg)) !important;
    font-style: var(--shiki-dark-font-style) !important;
    font-weight: var(--shiki-dark-font-weight) !important;
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) .shiki,
    :host(:not([theme='light'])) .shiki span {
      color: var(--shiki-dark) !important;
      background-color: var(--shiki-dark-bg, var(--code-bg)) !important;
      font-style: var(--shiki-dark-font-style) !important;
      font-weight: var(--shiki-dark-font-weight) !important;
    }
  }
  }
`;
