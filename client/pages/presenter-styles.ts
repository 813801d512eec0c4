/** Layout of the presenter console: slide large on the left, next + notes on the right. */
import { css } from 'lit';

export const presenterStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 100vh;
    min-height: 100dvh;
    gap: 0.75rem;
    padding: 0.75rem 1rem;
    box-sizing: border-box;
  }
  header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1.25rem;
    font-size: 1.1rem;
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
    flex: 1;
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr);
    gap: 1rem;
    align-items: start;
  }
  aside {
    display: flex;
    flex-direction: column;
    gap: 1rem;
  }
  slide-view[fit] {
    border: 1px solid var(--border);
    border-radius: var(--radius);
  }
  .notes {
    font-size: 1.15rem;
    max-height: 50vh;
    overflow-y: auto;
  }
  .empty {
    color: var(--muted);
  }
  .error {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--danger);
    border-radius: var(--radius);
    color: var(--danger);
  }
  .action-error {
    margin: 0.35rem 0 0;
    min-height: 1.5em;
    color: var(--danger);
  }
  @media (max-width: 48rem) {
    main {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
