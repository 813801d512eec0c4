/** Layout of the phone page: a title bar, the slide as a flowing page, the poll, a sticky footer. */
import { css } from 'lit';
import { buttonStyles, srOnly } from '../components/shared-styles.js';

export const audienceStyles = [
  srOnly,
  buttonStyles,
  css`
    :host {
      display: flex;
      flex-direction: column;
      min-height: 100vh;
      min-height: 100dvh;
    }
    header,
    footer {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      padding: 0.5rem max(1rem, env(safe-area-inset-left));
      color: var(--muted);
      font-size: 0.9rem;
    }
    header {
      border-bottom: 1px solid var(--border);
    }
    .title {
      flex: 1;
      min-width: 0;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
      margin: 0;
      font-size: inherit;
      font-weight: 600;
    }
    main {
      flex: 1;
      width: 100%;
      max-width: 48rem;
      margin: 0 auto;
      padding: 1.25rem 1rem 2rem;
      box-sizing: border-box;
      display: flex;
      flex-direction: column;
      gap: 1.25rem;
    }
    slide-view {
      font-size: 1.125rem;
    }
    footer {
      position: sticky;
      bottom: 0;
      flex-direction: column;
      align-items: stretch;
      gap: 0.4rem;
      background: var(--bg);
      border-top: 1px solid var(--border);
      padding-bottom: max(0.5rem, env(safe-area-inset-bottom));
    }
    slide-nav {
      color: var(--fg);
    }
    qa-panel:not(:defined)::before {
      content: 'Loading questions…';
      color: var(--muted);
    }
    .qa-toggle {
      flex: none;
      display: inline-flex;
      align-items: center;
      gap: 0.4em;
      padding: 0.3em 0.75em;
      font-size: 0.9rem;
      font-weight: 600;
    }
    .qa-toggle[aria-pressed='true'] {
      background: var(--fg);
      color: var(--bg);
      border-color: var(--fg);
    }
    .count {
      min-width: 1.5em;
      padding: 0 0.35em;
      border-radius: 999px;
      background: var(--accent);
      color: var(--on-accent);
      font-size: 0.8rem;
      text-align: center;
    }
    .poll-waiting {
      align-self: stretch;
    }
    /* the talk is over: where the slides and results are, in the deck's accent so it is found */
    .ended {
      margin: 0;
      padding: 0.75rem;
      border-radius: var(--radius);
      background: var(--surface);
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
    }
    .ended a {
      font-weight: 600;
      color: var(--accent-text, var(--accent));
    }
    .browsing {
      margin: 0;
      padding: 0.5rem 0.75rem;
      border-radius: var(--radius);
      background: var(--surface);
      color: var(--muted);
      font-size: 0.9rem;
    }
    .notice {
      color: var(--muted);
      text-align: center;
      margin-top: 20vh;
    }
    .notice.error {
      color: var(--danger);
    }
  `,
];
