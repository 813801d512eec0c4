/**
 * A poll's results as a standalone SVG document, for "Save SVG" and "Save PNG" on the results page.
 * The page's charts are HTML; a saved chart must render on its own (a slide deck, a report, an image
 * viewer), so every colour, size and font is an attribute here: no stylesheet, no script, no
 * external reference. Pure: no DOM, so it is unit-tested as text.
 */
import type { PollResults, PollView } from '../../contract/events.js';

/** The colours of a saved chart; the page passes its deck accent, the rest reads on white. */
export interface ChartColors {
  accent: string;
  fg: string;
  muted: string;
  track: string;
  bg: string;
}

export const DEFAULT_CHART_COLORS: ChartColors = { accent: '#2f5fd0', fg: '#1b1d21', muted: '#5c6370', track: '#e5e7eb', bg: '#ffffff' };

const WIDTH = 800;
const PAD = 32;
const FONT = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/** Text as XML character data or an attribute value: audience input never becomes markup. */
export function xmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Cuts text to about `width` px at `size` px (no font metrics here: an average glyph is 0.55 em). */
function fitText(text: string, width: number, size: number): string {
  const max = Math.max(4, Math.floor(width / (size * 0.55)));
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

const percent = (n: number, total: number) => (total ? Math.round((n / total) * 100) : 0);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

interface Drawn {
  body: string[];
  height: number;
}

function text(x: number, y: number, content: string, attrs: { size: number; fill: string; weight?: number; anchor?: 'start' | 'middle' | 'end' }): string {
  return `<text x="${x}" y="${y}" font-family="${xmlEscape(FONT)}" font-size="${attrs.size}"${attrs.weight ? ` font-weight="${attrs.weight}"` : ''} fill="${attrs.fill}"${attrs.anchor && attrs.anchor !== 'start' ? ` text-anchor="${attrs.anchor}"` : ''}>${xmlEscape(content)}</text>`;
}

function bars(r: Extract<PollResults, { type: 'single' | 'multiple' }>, top: number, c: ChartColors): Drawn {
  const lead = Math.max(0, ...r.counts);
  const inner = WIDTH - 2 * PAD;
  const body: string[] = [];
  let y = top;
  r.options.forEach((option, i) => {
    const n = r.counts[i] ?? 0;
    const pct = percent(n, r.total);
    const leader = n > 0 && n === lead;
    body.push(text(PAD, y + 18, fitText(option, inner - 140, 18), { size: 18, fill: c.fg, ...(leader ? { weight: 700 } : {}) }));
    body.push(text(WIDTH - PAD, y + 18, `${n} · ${pct}%`, { size: 18, fill: c.fg, anchor: 'end', ...(leader ? { weight: 700 } : {}) }));
    body.push(`<rect x="${PAD}" y="${y + 28}" width="${inner}" height="12" rx="6" fill="${c.track}"/>`);
    if (pct > 0) body.push(`<rect x="${PAD}" y="${y + 28}" width="${((inner * pct) / 100).toFixed(1)}" height="12" rx="6" fill="${c.accent}"/>`);
    y += 60;
  });
  return { body, height: y - top };
}

function histogram(r: Extract<PollResults, { type: 'scale' }>, poll: Pick<PollView, 'labels'> | undefined, top: number, c: ChartColors): Drawn {
  const columns = r.histogram.length || 1;
  const inner = WIDTH - 2 * PAD;
  const slot = inner / columns;
  const chart = 220;
  const peak = Math.max(1, ...r.histogram);
  const body: string[] = [];
  r.histogram.forEach((n, i) => {
    const h = (n / peak) * (chart - 30);
    const x = PAD + i * slot;
    body.push(`<rect x="${(x + slot * 0.15).toFixed(1)}" y="${(top + chart - h).toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" rx="4" fill="${c.accent}"/>`);
    body.push(text(x + slot / 2, top + chart - h - 8, String(n), { size: 16, fill: c.fg, anchor: 'middle' }));
    body.push(text(x + slot / 2, top + chart + 24, String(r.min + i), { size: 16, fill: c.muted, anchor: 'middle' }));
  });
  body.push(`<line x1="${PAD}" y1="${top + chart}" x2="${WIDTH - PAD}" y2="${top + chart}" stroke="${c.track}" stroke-width="2"/>`);
  let y = top + chart + 36;
  const [low, high] = poll?.labels ?? [];
  if (low || high) {
    y += 20;
    if (low) body.push(text(PAD, y, fitText(low, inner / 2 - 8, 15), { size: 15, fill: c.muted }));
    if (high) body.push(text(WIDTH - PAD, y, fitText(high, inner / 2 - 8, 15), { size: 15, fill: c.muted, anchor: 'end' }));
  }
  y += 32;
  body.push(text(PAD, y, r.mean === null ? 'No average yet' : `Average ${r.mean.toFixed(1)} of ${r.max}`, { size: 18, fill: c.fg, weight: 600 }));
  return { body, height: y - top + 8 };
}

function cloud(r: Extract<PollResults, { type: 'words' }>, top: number, c: ChartColors): Drawn {
  if (!r.words.length) return { body: [text(PAD, top + 24, 'No words yet.', { size: 18, fill: c.muted })], height: 36 };
  const words = [...r.words].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, 60);
  const most = words[0]!.count;
  const body: string[] = [];
  const inner = WIDTH - 2 * PAD;
  let x = PAD;
  let y = top;
  let line = 0;
  const rows: { items: { word: string; size: number; width: number; count: number }[]; height: number }[] = [{ items: [], height: 0 }];
  for (const w of words) {
    const size = Math.round(18 + (30 * (w.count - 1)) / Math.max(1, most - 1));
    const label = fitText(w.word, inner, size);
    // bold glyphs are about 0.62 em; the count rides at half size beside the word
    const width = label.length * size * 0.62 + (String(w.count).length + 1) * size * 0.32 + 20;
    if (x + width > PAD + inner && rows[line]!.items.length) {
      rows.push({ items: [], height: 0 });
      line++;
      x = PAD;
    }
    rows[line]!.items.push({ word: label, size, width, count: w.count });
    rows[line]!.height = Math.max(rows[line]!.height, size * 1.4);
    x += width;
  }
  for (const row of rows) {
    y += row.height;
    let at = PAD;
    for (const item of row.items) {
      body.push(`<text x="${at.toFixed(1)}" y="${y.toFixed(1)}" font-family="${xmlEscape(FONT)}" font-size="${item.size}" font-weight="600" fill="${item.count === most ? c.accent : c.fg}">${xmlEscape(item.word)}<tspan font-size="${Math.round(item.size * 0.5)}" fill="${c.muted}" dy="${-Math.round(item.size * 0.4)}"> ${item.count}</tspan></text>`);
      at += item.width;
    }
  }
  return { body, height: y - top + 12 };
}

function texts(r: Extract<PollResults, { type: 'text' }>, top: number, c: ChartColors): Drawn {
  if (!r.answers.length) return { body: [text(PAD, top + 24, 'No answers yet.', { size: 18, fill: c.muted })], height: 36 };
  const shown = r.answers.slice(0, 15);
  const body = shown.map((a, i) => text(PAD, top + 26 + i * 32, `“${fitText(a.text, WIDTH - 2 * PAD - 20, 18)}”`, { size: 18, fill: c.fg }));
  let height = shown.length * 32 + 10;
  if (r.answers.length > shown.length) {
    body.push(text(PAD, top + height + 16, `and ${r.answers.length - shown.length} more`, { size: 15, fill: c.muted }));
    height += 28;
  }
  return { body, height };
}

function draw(r: PollResults, poll: Pick<PollView, 'labels'> | undefined, top: number, c: ChartColors): Drawn {
  switch (r.type) {
    case 'single':
    case 'multiple':
      return bars(r, top, c);
    case 'scale':
      return histogram(r, poll, top, c);
    case 'words':
      return cloud(r, top, c);
    case 'text':
      return texts(r, top, c);
  }
}

/** The chart of `results` as a complete SVG file (XML declaration, size, white background, title). */
export function chartSvg(results: PollResults, poll: Pick<PollView, 'question' | 'labels'> | undefined, colors: ChartColors = DEFAULT_CHART_COLORS): string {
  const c = colors;
  const title = poll?.question ?? 'Poll results';
  const head = [text(PAD, PAD + 22, fitText(title, WIDTH - 2 * PAD, 24), { size: 24, fill: c.fg, weight: 700 }), text(PAD, PAD + 52, plural(results.total, 'answer', 'answers'), { size: 16, fill: c.muted })];
  const top = PAD + 76;
  const drawn = draw(results, poll, top, c);
  const height = Math.ceil(top + drawn.height + PAD);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img">`,
    `<title>${xmlEscape(title)}</title>`,
    `<rect width="100%" height="100%" fill="${c.bg}"/>`,
    ...head,
    ...drawn.body,
    '</svg>',
    '',
  ].join('\n');
}
