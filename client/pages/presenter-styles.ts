/**
 * Layout of the presenter console. Wide: current slide | next + notes | poll and questions, all
 * slides below. Medium: poll and questions move under the slides, side by side. Phone (a
 * remote): one column, big buttons first.
 */
import { css } from 'lit';

export const presenterStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    min-height: 100dvh;
    gap: 0.75rem;
    padding: 0.75rem 1rem 1.5rem;
    box-sizing: border-box;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.25rem;
    font-size: 1.1rem;
  }
  /* where the build of the current slide is: "Step 1 of 3" */
  header .step {
    margin: 0;
    color: var(--muted);
    font-variant-numeric: tabular-nums;
  }
  h1 {
    flex: 1;
    min-width: 10rem;
    margin: 0;
    font-size: 1.1rem;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  h2 {
    margin: 0 0 0.35rem;
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.05em;
    color: var(--muted);
  }
  main {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(14rem, 1fr) minmax(18rem, 1.1fr);
    gap: 1rem;
    align-items: start;
  }
  .current {
    display: flex;
    flex-direction: column;
    gap: 0.6rem;
  }
  .current slide-view {
    cursor: pointer;
    touch-action: pan-y;
  }
  .side,
  .live,
  .polls,
  .questions {
    display: flex;
    flex-direction: column;
    gap: 1rem;
    min-width: 0;
  }
  .polls,
  .questions {
    padding: 0.75rem;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    gap: 0.75rem;
  }
  .polls h2,
  .questions h2 {
    margin: 0;
  }
  summary {
    cursor: pointer;
    font-weight: 600;
    min-height: 2.75rem;
    display: flex;
    align-items: center;
  }
  summary:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  details[open] summary {
    margin-bottom: 0.5rem;
  }
  slide-view[fit] {
    border: 1px solid var(--border);
    border-radius: var(--radius);
  }
  .notes {
    font-size: 1.15rem;
    max-height: 45vh;
    overflow-y: auto;
  }
  .empty {
    color: var(--muted);
    margin: 0;
  }
  .error {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--danger);
    border-radius: var(--radius);
    color: var(--danger);
  }
  .action-error {
    margin: 0;
    min-height: 1.5em;
    color: var(--danger);
  }
  /* the moderator's console: what it is, in place of the slide controls */
  .role {
    font-weight: 400;
    opacity: 0.75;
  }
  .moderator-note {
    margin: 0;
    opacity: 0.8;
  }
  .devices {
    margin: 0 1rem 1rem;
  }
  /* what the deck's tool has that Lectern does not show: the speaker's to-do list, out of the way */
  .dropped {
    margin: 0 1rem 1rem;
    font-size: 0.875rem;
  }
  .dropped summary {
    cursor: pointer;
    color: var(--muted, inherit);
  }
  .dropped .line {
    font-variant-numeric: tabular-nums;
    color: var(--muted, inherit);
    margin-right: 0.5em;
  }
  @media (max-width: 72rem) {
    main {
      grid-template-columns: minmax(0, 3fr) minmax(14rem, 2fr);
    }
    .live {
      grid-column: 1 / -1;
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(20rem, 100%), 1fr));
      align-items: start;
    }
  }
  @media (max-width: 48rem) {
    :host {
      padding: 0.5rem 0.75rem 1.5rem;
    }
    header {
      font-size: 0.95rem;
      gap: 0.35rem 0.9rem;
    }
    h1 {
      flex-basis: 100%;
    }
    main {
      grid-template-columns: minmax(0, 1fr);
    }
    /* a remote: the buttons stay under the thumb */
    .controls {
      position: sticky;
      bottom: 0;
      z-index: 1;
      padding: 0.5rem 0;
      background: var(--bg);
    }
    /* a remote has no room for a preview; the grid below shows what comes */
    .next-slide {
      display: none;
    }
  }
`;
