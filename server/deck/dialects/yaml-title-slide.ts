/**
 * The title slide Pandoc-based tools (Quarto revealjs, xaringan) generate from the front matter's
 * `title`, `subtitle`, `author`, `institute` and `date`: a Lectern slide with layout `title`.
 */
import type { DialectSlide, Dropped } from './types.js';

/** `John Doe`, `[A, B]`, `[{name: A}, {name: {given: B, family: C}}]` → the names in order. */
export function authorNames(value: unknown): string[] {
  if (typeof value === 'string' || typeof value === 'number') return [String(value).trim()].filter(Boolean);
  if (Array.isArray(value)) return value.flatMap(authorNames);
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const name = record['name'];
    if (typeof name === 'string') return [name.trim()].filter(Boolean);
    if (name && typeof name === 'object') {
      const parts = name as Record<string, unknown>;
      if (typeof parts['literal'] === 'string') return [parts['literal']];
      return [[parts['given'], parts['family']].filter((p) => typeof p === 'string').join(' ')].filter(Boolean);
    }
  }
  return [];
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return '';
}

// dates the tool fills in when it renders: Lectern renders on every load, so it leaves them out
const RENDER_DATES = new Set(['today', 'now', 'last-modified']);

/** The generated title slide, or null when the front matter has no title. */
export function titleSlide(meta: Readonly<Record<string, unknown>>, tool: string, dropped: Dropped[]): DialectSlide | null {
  const title = text(meta['title']);
  if (!title) return null;
  const lines = [`# ${title}`];
  const subtitle = text(meta['subtitle']);
  if (subtitle) lines.push('', subtitle);
  const authors = authorNames(meta['author']);
  if (authors.length) lines.push('', authors.join(', '));
  const institute = authorNames(meta['institute']);
  if (institute.length) lines.push('', institute.join(', '));
  const date = text(meta['date']);
  if (date && RENDER_DATES.has(date.toLowerCase())) dropped.push({ line: 1, what: `date: ${date} (filled in by ${tool} when it renders): not shown on the title slide` });
  else if (date) lines.push('', date);
  return { body: lines.join('\n'), notes: '', settings: { layout: 'title' }, line: 1 };
}
