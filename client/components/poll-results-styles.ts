/**
 * Styles of the results charts. Sizes are in em, so the projector scales them with one
 * font-size; widths and heights animate as votes arrive (not for readers who ask for less motion).
 */
import { css } from 'lit';

export const pollResultsStyles = css`
  :host {
    display: block;
    --bar: var(--accent);
  }
  .total {
    margin: 0 0 0.6em;
    color: var(--muted);
    font-size: 0.9em;
  }
  ol,
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .bars {
    display: grid;
    gap: 0.6em;
  }
  .row {
    display: flex;
    justify-content: space-between;
    gap: 1em;
    margin-bottom: 0.2em;
  }
  .option {
    overflow-wrap: anywhere;
  }
  .count {
    flex: none;
    font-variant-numeric: tabular-nums;
    font-weight: 650;
  }
  .pct {
    color: var(--muted);
    font-weight: 400;
  }
  .track {
    block-size: 0.7em;
    border-radius: 0.35em;
    background: color-mix(in srgb, var(--fg) 10%, transparent);
    overflow: hidden;
  }
  .fill {
    block-size: 100%;
    background: var(--bar);
    border-radius: inherit;
    transition: inline-size 0.6s ease-out;
  }
  .leader .option {
    font-weight: 650;
  }
  .right {
    --bar: var(--ok);
  }
  .right .option {
    color: var(--ok);
    font-weight: 700;
  }
  .cloud {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: baseline;
    gap: 0.2em 0.7em;
    padding: 0.5em 0;
    line-height: 1.15;
  }
  .cloud li {
    transition: font-size 0.6s ease-out;
    overflow-wrap: anywhere;
  }
  .cloud li:nth-child(3n + 1) {
    color: var(--accent-text);
  }
  .cloud sup {
    font-size: 0.45em;
    color: var(--muted);
    margin-inline-start: 0.15em;
  }
  .histogram {
    display: flex;
    align-items: flex-end;
    gap: 0.5em;
    block-size: 8em;
  }
  .column {
    flex: 1;
    display: flex;
    flex-direction: column;
    justify-content: flex-end;
    align-items: center;
    block-size: 100%;
    min-inline-size: 0;
  }
  .column .count {
    font-size: 0.9em;
  }
  .column .fill {
    inline-size: 100%;
    min-block-size: 2px;
    border-radius: 0.25em 0.25em 0 0;
    transition: block-size 0.6s ease-out;
  }
  .axis {
    display: flex;
    gap: 0.5em;
    border-top: 1px solid var(--border);
    padding-top: 0.2em;
  }
  .axis span {
    flex: 1;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }
  .ends {
    display: flex;
    justify-content: space-between;
    color: var(--muted);
    font-size: 0.85em;
  }
  .mean {
    margin: 0.5em 0 0;
    font-size: 1.1em;
  }
  .mean strong {
    font-size: 1.4em;
  }
  .texts {
    display: grid;
    gap: 0.5em;
  }
  .texts li {
    padding: 0.5em 0.75em;
    border-inline-start: 0.25em solid var(--bar);
    background: var(--surface);
    border-radius: 0 0.35em 0.35em 0;
    overflow-wrap: anywhere;
    white-space: pre-line;
  }
  .empty {
    color: var(--muted);
  }
  @media (prefers-reduced-motion: reduce) {
    .fill,
    .column .fill,
    .cloud li {
      transition: none;
    }
  }
  @media print {
    .fill {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
  }
`;
