/** Layout of the results page, on screen and on paper. */
import { css } from 'lit';
import { buttonStyles } from '../components/shared-styles.js';

export const resultsStyles = [
  buttonStyles,
  css`
    :host {
      display: block;
      max-width: 56rem;
      margin: 0 auto;
      padding: 1.5rem 1rem 3rem;
    }
    h1 {
      margin: 0 0 0.25rem;
      font-size: 1.6rem;
      line-height: 1.2;
    }
    .sub {
      margin: 0 0 1rem;
      color: var(--muted);
    }
    a {
      color: var(--accent-text);
    }
    .tools {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.75rem 1.25rem;
      margin-bottom: 1.5rem;
      padding: 0.75rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      background: var(--surface);
    }
    label {
      display: flex;
      align-items: center;
      gap: 0.5rem;
    }
    select {
      font: inherit;
      min-height: 2.75rem;
      padding: 0.3em 0.5em;
      color: var(--fg);
      background: var(--bg);
      border: 1px solid var(--border);
      border-radius: var(--radius);
    }
    select:focus-visible {
      outline: 3px solid var(--accent);
      outline-offset: 2px;
    }
    .links {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1.25rem;
    }
    .polls {
      display: grid;
      gap: 1rem;
    }
    poll-results {
      font-size: 1.05rem;
    }
    article {
      padding: 1rem 1.25rem;
      border: 1px solid var(--border);
      border-radius: var(--radius);
      break-inside: avoid;
    }
    section {
      margin-block-end: 2rem;
    }
    h2 {
      margin: 0 0 0.75rem;
      font-size: 1.35rem;
    }
    h3 {
      margin: 0 0 0.25rem;
      font-size: 1.2rem;
    }
    .meta {
      margin: 0 0 0.75rem;
      color: var(--muted);
      font-size: 0.9rem;
    }
    .empty,
    .error {
      color: var(--muted);
    }
    .error {
      color: var(--danger);
    }
    @media print {
      :host {
        max-width: none;
        padding: 0;
      }
      .tools,
      .sub a {
        display: none;
      }
      article {
        border-color: #999;
        page-break-inside: avoid;
      }
    }
  `,
];
