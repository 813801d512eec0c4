/** Styles of the voting form: big touch targets (at least 48 px), clear selected and focus states. */
import { css } from 'lit';

export const pollVoteStyles = css`
  :host {
    display: block;
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    margin-bottom: 0.75rem;
    font-size: 1.15rem;
    font-weight: 650;
  }
  .hint {
    margin: -0.4rem 0 0.75rem;
    color: var(--muted);
    font-size: 0.9rem;
  }
  .choices {
    display: grid;
    gap: 0.5rem;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-height: 3rem;
    padding: 0.6rem 0.9rem;
    border: 2px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    cursor: pointer;
  }
  .choice:has(input:checked) {
    border-color: var(--accent);
    background: color-mix(in srgb, var(--accent) 14%, var(--surface));
  }
  .choice:has(input:disabled) {
    cursor: default;
    opacity: 0.6;
  }
  .choice:has(input:focus-visible),
  .scale label:has(input:focus-visible) {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.35rem;
    height: 1.35rem;
    margin: 0;
    flex: none;
    accent-color: var(--accent);
  }
  .scale {
    display: flex;
    gap: 0.4rem;
  }
  .scale label {
    flex: 1;
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: 3.25rem;
    border: 2px solid var(--border);
    border-radius: var(--radius);
    background: var(--surface);
    font-size: 1.2rem;
    font-weight: 650;
    cursor: pointer;
    position: relative;
  }
  /* the radio itself covers the button, invisibly: taps land on it, the number shows */
  .scale input {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    margin: 0;
    opacity: 0;
    cursor: pointer;
  }
  .scale label:has(input:checked) {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--on-accent);
  }
  .ends {
    display: flex;
    justify-content: space-between;
    gap: 1rem;
    margin-top: 0.35rem;
    color: var(--muted);
    font-size: 0.9rem;
  }
  .ends span:last-child {
    text-align: end;
  }
  .words {
    display: grid;
    gap: 0.5rem;
  }
  input[type='text'],
  textarea {
    width: 100%;
    box-sizing: border-box;
    min-height: 3rem;
    padding: 0.6rem 0.75rem;
    font: inherit;
    color: var(--fg);
    background: var(--bg);
    border: 2px solid var(--border);
    border-radius: var(--radius);
  }
  textarea {
    min-height: 7rem;
    resize: vertical;
  }
  input[type='text']:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 1px;
  }
  .count {
    margin: 0.25rem 0 0;
    text-align: end;
    color: var(--muted);
    font-size: 0.85rem;
    font-variant-numeric: tabular-nums;
  }
  .count.full {
    color: var(--warn);
  }
  .actions {
    margin-top: 1rem;
  }
  .actions button {
    width: 100%;
    min-height: 3.25rem;
    font-size: 1.1rem;
    font-weight: 600;
  }
`;
