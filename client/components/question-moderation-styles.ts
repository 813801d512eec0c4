/** Looks of the presenter's question list: compact rows, the pinned one outlined, hidden ones faded. */
import { css } from 'lit';

export const questionModerationStyles = css`
  :host {
    display: block;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
  }
  .order {
    display: flex;
    gap: 0.3rem;
  }
  .order button[aria-pressed='true'] {
    background: var(--fg);
    color: var(--bg);
    border-color: var(--fg);
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    min-height: 2.75rem;
    cursor: pointer;
  }
  input {
    inline-size: 1.2rem;
    block-size: 1.2rem;
    accent-color: var(--accent);
  }
  .summary {
    margin: 0.4rem 0 0.6rem;
    color: var(--muted);
    font-size: 0.9rem;
  }
  .summary strong {
    color: var(--fg);
    font-weight: 600;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
    max-block-size: 60vh;
    overflow-y: auto;
  }
  li {
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--border);
    border-radius: var(--radius);
    background: var(--bg);
  }
  li.pinned {
    border: 2px solid var(--accent);
  }
  li.pending {
    border-style: dashed;
  }
  li.hidden question-text {
    color: var(--muted);
    text-decoration: line-through;
  }
  question-text {
    font-size: 1.05rem;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    gap: 0.2rem 0.75rem;
    margin: 0.3rem 0 0.4rem;
    color: var(--muted);
    font-size: 0.85rem;
  }
  .votes {
    font-weight: 700;
    color: var(--fg);
  }
  .tag {
    font-weight: 650;
    color: var(--fg);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
  }
  .actions button {
    min-height: 2.25rem;
    padding: 0.25em 0.7em;
    font-size: 0.9rem;
  }
  .empty {
    color: var(--muted);
    margin: 0;
  }
  code {
    font-family: var(--mono);
  }
`;
