/**
 * Pure deck splitting: front matter, slide chunks, speaker notes. No I/O, no rendering. The
 * building blocks every dialect uses (dialects/); dialects/index.ts picks the dialect.
 */
import { parse as parseYaml } from 'yaml';
import { DeckError } from './errors.js';
import { looksLikeSetting } from './slide-settings.js';
import { commentOpenAfter, commentStart, fenceTracker } from './scan.js';
import type { DialectSlide, SlideSettings } from './dialects/types.js';

/** One slide's Markdown before rendering (what a dialect makes of it). */
export type SlideSource = DialectSlide;

export const SEPARATOR = /^---[ \t]*$/;
const FRONT_MATTER_END = /^(---|\.\.\.)[ \t]*$/;
// reveal.js style: a line starting "Note:" / "Notes:" starts the notes; text after the colon belongs to them.
/** The per-slide settings a directive comment may hold; a comment of only these is not a note. */
export const SLIDE_SETTINGS = ['layout', 'background', 'class', 'image', 'time'] as const;
const DIRECTIVE = new RegExp(`^\\s*(${SLIDE_SETTINGS.join('|')})\\s*:\\s*(.*?)\\s*$`);
/** `<!-- .element: class="fragment" -->` (reveal.js) or `<!-- element class="fragment" -->` (Obsidian): attributes for the block before it. */
export const ELEMENT_MARKER = /^<!--\s*\.?element:?\s[^>]*?-->/;
const NOTE_LINE = /^ {0,3}notes?:(.*)$/i;

/** Lectern's own reading: `---` between slides, `Note:` and comments as notes, directive comments as settings. */
export function readLecternSlides(lines: readonly string[], firstLine: number): DialectSlide[] {
  const slides: DialectSlide[] = [];
  for (const chunk of splitSlides(lines, SEPARATOR, firstLine)) {
    if (chunk.text.trim() === '') continue;
    slides.push({ ...extractNotes(chunk.text), line: chunk.line });
  }
  return slides;
}

export function readFrontMatter(lines: string[], file: string): { meta: Record<string, unknown>; bodyStart: number } {
  if (!SEPARATOR.test(lines[0] ?? '')) return { meta: {}, bodyStart: 0 };
  const end = lines.findIndex((l, i) => i > 0 && FRONT_MATTER_END.test(l));
  // No closing line: the leading --- is just a separator before the first slide.
  if (end < 0) return { meta: {}, bodyStart: 0 };
  const block = lines.slice(1, end).join('\n');
  let meta: unknown;
  try {
    meta = parseYaml(block);
  } catch (err) {
    const why = err instanceof Error ? err.message.split('\n')[0] : String(err);
    throw new DeckError(file, `malformed front matter (the block between the first two --- lines): ${why}`, { line: 1, cause: err });
  }
  if (meta === null || meta === undefined) {
    // Only comments: likely a slide ("# Title") mistaken for front matter — refuse rather than drop it.
    if (block.trim() !== '') {
      throw new DeckError(file, 'the block between the first two --- lines is not front matter (no "key: value" lines); if it is a slide, remove the leading ---', { line: 1 });
    }
    return { meta: {}, bodyStart: end + 1 };
  }
  if (typeof meta !== 'object' || Array.isArray(meta)) {
    throw new DeckError(file, 'front matter must be "key: value" lines (a YAML mapping); if the block is a slide, remove the leading ---', { line: 1 });
  }
  return { meta: meta as Record<string, unknown>, bodyStart: end + 1 };
}

/** A chunk of lines between separators; `line` is the 1-based file line of its first line. */
export interface Chunk {
  text: string;
  line: number;
  /** The separator line that ended the chunk (`---`, `--`), or null for the last. */
  endedBy: string | null;
}

/**
 * Splits on lines matching `separator` that are outside fenced code and HTML comments.
 * `firstLine` is the 1-based file line of `lines[0]`.
 */
export function splitSlides(lines: readonly string[], separator: RegExp, firstLine: number): Chunk[] {
  const chunks: Chunk[] = [];
  const inFence = fenceTracker();
  let inComment = false;
  let current: string[] = [];
  let currentStart = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    // Inside a comment the fence tracker is not fed: a ``` there opens nothing.
    const fenced = !inComment && inFence(line);
    if (!inComment && !fenced && separator.test(line)) {
      chunks.push({ text: current.join('\n'), line: firstLine + currentStart, endedBy: line.trim() });
      current = [];
      currentStart = i + 1;
      continue;
    }
    current.push(line);
    if (!fenced) inComment = commentOpenAfter(line, inComment);
  }
  chunks.push({ text: current.join('\n'), line: firstLine + currentStart, endedBy: null });
  return chunks;
}

/** Moves `Note:` sections and HTML comments (outside fences) out of a slide into its notes. */
export function extractNotes(chunk: string): { body: string; notes: string; settings: SlideSettings } {
  const lines = chunk.split('\n');
  const body: string[] = [];
  const notes: string[] = [];
  const settings: Record<string, string> = {};
  /** A comment of `key: value` lines about the slide itself is a directive; anything else a note. */
  const closed = (text: string) => {
    const parts = text.split('\n').filter((l) => l.trim() !== '');
    const directives = parts.map((l) => DIRECTIVE.exec(l));
    if (parts.length && directives.every((d) => d && d[2] !== '' && looksLikeSetting(d[1]!, d[2]!))) for (const d of directives) settings[d![1]!] = d![2]!;
    else notes.push(text);
  };
  const inFence = fenceTracker();
  let comment: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!comment && inFence(line)) {
      body.push(line);
      continue;
    }
    const note = comment ? null : NOTE_LINE.exec(line);
    if (note) {
      notes.push([note[1] ?? '', ...lines.slice(i + 1)].join('\n'));
      break;
    }
    let kept = '';
    let pos = 0;
    while (pos <= line.length) {
      if (comment) {
        const end = line.indexOf('-->', pos);
        comment.push(line.slice(pos, end < 0 ? undefined : end));
        if (end < 0) break;
        closed(comment.join('\n'));
        comment = null;
        pos = end + 3;
      } else {
        const start = commentStart(line, pos);
        kept += line.slice(pos, start < 0 ? undefined : start);
        if (start < 0) break;
        // a step marker is markup for the renderer, not a note
        const marker = ELEMENT_MARKER.exec(line.slice(start));
        if (marker) {
          kept += marker[0];
          pos = start + marker[0].length;
          continue;
        }
        comment = [];
        pos = start + 4;
      }
    }
    body.push(kept.trim() === '' && kept !== line ? '' : kept);
  }
  // An unclosed comment runs to the end of the slide, as in HTML.
  if (comment) closed(comment.join('\n'));
  const text = notes.map((n) => n.trim()).filter(Boolean).join('\n\n');
  return { body: body.join('\n'), notes: text, settings };
}
