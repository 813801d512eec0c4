/** Looks of the engagement table: numbers with thin bars under them, marked rows, print-friendly. */
import { css } from 'lit';

export const engagementTimelineStyles = css`
  :host {
    display: block;
  }
  .findings {
    margin: 0 0 0.75rem;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.35rem;
  }
  .scroll {
    overflow-x: auto;
    border: 1px solid var(--border);
    border-radius: var(--radius);
  }
  .scroll:focus-visible {
    outline: 3px solid var(--accent);
    outline-offset: 2px;
  }
  table {
    inline-size: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  th,
  td {
    padding: 0.45rem 0.6rem;
    text-align: start;
    vertical-align: top;
    border-bottom: 1px solid var(--border);
  }
  thead th {
    font-size: 0.8rem;
    text-transform: uppercase;
    letter-spacing: 0.04em;
    color: var(--muted);
    background: var(--surface);
  }
  tbody tr:last-child > * {
    border-bottom: none;
  }
  tbody th {
    font-weight: 600;
    min-inline-size: 10rem;
  }
  td {
    min-inline-size: 5rem;
    white-space: nowrap;
  }
  .num {
    display: inline-block;
    min-inline-size: 1.6em;
    color: var(--muted);
  }
  tr.unseen {
    color: var(--muted);
  }
  tr.lost > *,
  tr.drop > * {
    background: color-mix(in srgb, var(--warn) 12%, var(--bg));
  }
  .mark {
    display: inline-block;
    margin-inline-start: 0.35em;
    padding: 0 0.5em;
    border-radius: 999px;
    font-size: 0.75rem;
    font-weight: 700;
    text-transform: uppercase;
    letter-spacing: 0.03em;
    border: 1px solid var(--warn);
    color: var(--warn);
    background: var(--bg);
  }
  .findings .mark {
    margin: 0 0.4em 0 0;
  }
  .kinds {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.1rem 0.5rem;
    white-space: normal;
  }
  .emoji {
    font-family: var(--emoji);
  }
  .kind.lost {
    font-weight: 700;
    color: var(--warn);
  }
  .bar {
    display: block;
    block-size: 0.3rem;
    margin-block-start: 0.25rem;
    border-radius: 999px;
    background: var(--surface);
    overflow: hidden;
  }
  .bar > span {
    display: block;
    block-size: 100%;
    background: var(--accent);
  }
  .empty {
    color: var(--muted);
  }
  @media print {
    .scroll {
      overflow: visible;
    }
    .bar > span {
      print-color-adjust: exact;
    }
  }
`;
