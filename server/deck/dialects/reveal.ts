/**
 * reveal.js markdown decks (a `data-markdown` section, or a reveal-md file), read the way
 * reveal.js's markdown plugin reads them (plugin/markdown/plugin.js):
 *
 * - slides split on a line `---`, vertical slides on `--` (the reveal.js demo's
 *   `data-separator-vertical`) or `----` (reveal-md's default); `separator:` / `verticalSeparator:` /
 *   `notesSeparator:` in the front matter replace them (regex sources, as reveal-md passes them on);
 *   vertical slides are numbered 4, 4.1, 4.2 under horizontal slide 4;
 * - a line starting `Note:` / `Notes:` (any case) starts the speaker notes, to the end of the slide;
 * - `<!-- .slide: … -->` sets the slide's attributes: data-background(-color/-image) → background,
 *   class → class, data-visibility="hidden" hides the slide; the rest is dropped (reported);
 * - `<!-- .element: class="fragment" -->` stays as Lectern's step marker; other element attributes
 *   are dropped (reported);
 * - any other HTML comment stays a comment: invisible, as in reveal.js, and never a note.
 *
 * Where Lectern differs on purpose: a separator or `Note:` inside fenced code or an HTML comment
 * never splits (reveal's regexes do not look); `---` may carry trailing spaces; a second `Note:` line
 * stays in the notes (reveal shows no notes at all then); a blank first or last piece is no slide.
 */
import { parseAttributes } from './reveal-annotations.js';
import { proseOf, readRevealDeck, type RevealFlavour } from './reveal-common.js';
import type { Dialect, Dropped } from './types.js';

const SLIDE_ANNOTATION = /^\s*\.slide:\s*([\s\S]*)$/;
const ELEMENT_ANNOTATION = /^\s*\.element:?\s*([\s\S]*)$/;

export const REVEAL_FLAVOUR: RevealFlavour = {
  tool: 'reveal.js',
  separator: String.raw`\r?\n---[ \t]*\r?\n`,
  verticalSeparator: String.raw`\r?\n(?:--|----)[ \t]*\r?\n`,
  notesSeparator: String.raw`^[ \t]*notes?:`,
  annotation(comment) {
    const slide = SLIDE_ANNOTATION.exec(comment);
    if (slide) return { target: 'slide', attributes: parseAttributes(slide[1] ?? '') };
    const element = ELEMENT_ANNOTATION.exec(comment);
    if (element) return { target: 'element', attributes: parseAttributes(element[1] ?? '') };
    return null;
  },
};

const ANNOTATION_MARKER = /<!--\s*\.(slide|element):/;
const VERTICAL_LINE = /^--[ \t]*$/m;
const NOTE_LINE = /^[ \t]*notes?:/im;
// remark.js's incremental `--` goes with `???` notes: never a reveal deck
const REMARK_NOTES = /^\?\?\?[ \t]*$/m;

/** Deck-level options reveal.js has and Lectern does not show. */
export function droppedDeckOptions(meta: Readonly<Record<string, unknown>>, tool: string): Dropped[] {
  const options = typeof meta['revealOptions'] === 'object' && meta['revealOptions'] !== null ? (meta['revealOptions'] as Record<string, unknown>) : {};
  const transition = meta['transition'] ?? options['transition'];
  return transition !== undefined && transition !== 'none'
    ? [{ line: 1, what: `transition: ${String(transition)} (${tool}): Lectern does not animate between slides` }]
    : [];
}

export const reveal: Dialect = {
  name: 'reveal',
  label: 'reveal.js markdown',
  detect(meta, body) {
    if ('revealOptions' in meta || 'separator' in meta || 'verticalSeparator' in meta) return true;
    const prose = proseOf(body);
    if (ANNOTATION_MARKER.test(prose)) return true;
    return VERTICAL_LINE.test(prose) && NOTE_LINE.test(prose) && !REMARK_NOTES.test(prose);
  },
  read(lines, firstLine, meta) {
    const read = readRevealDeck(lines, firstLine, meta, REVEAL_FLAVOUR);
    return { ...read, dropped: [...droppedDeckOptions(meta, 'reveal.js'), ...read.dropped] };
  },
};
