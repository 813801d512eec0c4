/**
 * Quarto revealjs decks (`format: revealjs` in the front matter), read by Quarto's documented
 * rules (quarto.org/docs/presentations/revealjs, Pandoc's "Structuring the slide show"):
 *
 * - the front matter's `title` (with subtitle, author, date) makes a title slide first;
 * - a heading at the slide level (`##` unless `slide-level:` says otherwise) starts a slide, a
 *   heading above it (`#`) a section title slide, a horizontal rule an untitled slide; only
 *   top-level blocks split (never inside fenced code or a `:::` div);
 * - `::: {.notes}` holds speaker notes; `. . .` pauses; `::: {.incremental}`, `::: {.fragment}`,
 *   `incremental: true`, `code-line-numbers="1|3"` build the slide step by step;
 * - heading attributes (`{background-color="…" .center}`) are the slide's settings.
 *
 * The slide bodies are translated here (quarto-body.ts); what Lectern cannot show is dropped and
 * reported.
 */
import { fenceTracker } from '../scan.js';
import { DIV_CLOSE, divOpening, splitHeadingAttributes, type PandocAttributes } from './pandoc-attributes.js';
import { translateBody, type QuartoOptions } from './quarto-body.js';
import type { Dialect, DialectResult, DialectSlide, Dropped, SlideSettings } from './types.js';
import { titleSlide } from './yaml-title-slide.js';

/** The revealjs format's own name, or a custom format built on it (`clean-revealjs`). */
const REVEALJS_FORMAT = /^([\w.-]+-)?revealjs$/i;

/** The `format:` entry for revealjs (its options, or {} for `format: revealjs`), or null. */
function revealjsFormat(meta: Readonly<Record<string, unknown>>): Record<string, unknown> | null {
  const format = meta['format'];
  if (typeof format === 'string') return REVEALJS_FORMAT.test(format.trim()) ? {} : null;
  if (Array.isArray(format)) return format.some((f) => typeof f === 'string' && REVEALJS_FORMAT.test(f.trim())) ? {} : null;
  if (format && typeof format === 'object') {
    for (const [key, value] of Object.entries(format)) {
      if (!REVEALJS_FORMAT.test(key)) continue;
      // `revealjs: default` or `revealjs:` (null) or `revealjs: { incremental: true }`
      return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
    }
  }
  return null;
}

function options(meta: Readonly<Record<string, unknown>>): QuartoOptions {
  const format = revealjsFormat(meta) ?? {};
  // format options win over the same key at the top of the front matter (Quarto merges them so)
  const pick = (key: string): unknown => format[key] ?? meta[key];
  const level = Number(pick('slide-level'));
  const execute = meta['execute'];
  const echo = execute && typeof execute === 'object' ? (execute as Record<string, unknown>)['echo'] : undefined;
  return {
    slideLevel: Number.isInteger(level) && level >= 0 && level <= 6 ? level : 2,
    incremental: pick('incremental') === true,
    echo: echo === true || echo === 'fenced',
  };
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;
// a thematic break: three or more -, * or _ (spaces between allowed)
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const SETEXT_1 = /^ {0,3}=+[ \t]*$/;
const SETEXT_2 = /^ {0,3}-+[ \t]*$/;
// lines a setext underline cannot turn into a heading: it is a thematic break after them
const NOT_PARAGRAPH = /^\s*$|^ {0,3}(#|>|[-*+][ \t]|\d+[.)][ \t]|:{3,}|`{3,}|~{3,}|\|)/;

interface Heading {
  level: number;
  text: string;
  attrs: PandocAttributes | null;
}

interface RawSlide {
  /** index in `lines` of the slide's first line (its heading, if any) */
  start: number;
  /** index in `lines` of the first line after the heading */
  bodyStart: number;
  lines: string[];
  heading: Heading | null;
}

/** Splits the body into slides at top-level headings at or above the slide level and at rules. */
function splitQuartoSlides(lines: readonly string[], slideLevel: number): RawSlide[] {
  const slides: RawSlide[] = [];
  let current: RawSlide = { start: 0, bodyStart: 0, lines: [], heading: null };
  const inFence = fenceTracker();
  let divDepth = 0;
  const startSlide = (start: number, bodyStart: number, heading: Heading | null) => {
    slides.push(current);
    current = { start, bodyStart, lines: [], heading };
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (inFence(line)) {
      current.lines.push(line);
      continue;
    }
    if (divOpening(line)) divDepth++;
    else if (DIV_CLOSE.test(line)) divDepth = Math.max(0, divDepth - 1);
    else if (divDepth === 0) {
      const atx = ATX_HEADING.exec(line);
      const previous = current.lines[current.lines.length - 1];
      const setext = previous !== undefined && !NOT_PARAGRAPH.test(previous) && (SETEXT_1.test(line) ? 1 : SETEXT_2.test(line) ? 2 : 0);
      if (atx && atx[1]!.length <= slideLevel) {
        const { text, attrs } = splitHeadingAttributes(atx[2] ?? '');
        startSlide(i, i + 1, { level: atx[1]!.length, text, attrs });
        continue;
      }
      if (setext) {
        if (setext <= slideLevel) {
          // the line above the underline is the new slide's heading
          current.lines.pop();
          const { text, attrs } = splitHeadingAttributes(previous!);
          startSlide(i - 1, i + 1, { level: setext, text, attrs });
          continue;
        }
      } else if (RULE.test(line)) {
        startSlide(i + 1, i + 1, null);
        continue;
      }
    }
    current.lines.push(line);
  }
  slides.push(current);
  return slides;
}

/** Heading classes that only restyle or resize: Lectern fits every slide to the screen itself. */
const RESIZE_CLASSES: Readonly<Record<string, string>> = {
  smaller: 'a smaller typeface',
  scrollable: 'scrolling',
};
/** Heading classes with no visible effect worth reporting. */
const SILENT_CLASSES = new Set(['unnumbered', 'unlisted', 'nostretch']);

/** The slide's settings from its heading's attributes; false when the slide is hidden. */
function headingSettings(attrs: PandocAttributes, line: number, settings: SlideSettings, dropped: Dropped[]): { hidden: boolean; fit: boolean } {
  let fit = false;
  const classes: string[] = [];
  for (const name of attrs.classes) {
    if (name === 'center') settings.layout = 'center';
    else if (name === 'r-fit-text') fit = true;
    else if (name in RESIZE_CLASSES) dropped.push({ line, what: `{.${name}} (${RESIZE_CLASSES[name]}): Lectern fits each slide to the screen itself` });
    else if (!SILENT_CLASSES.has(name)) classes.push(name);
  }
  if (classes.length) settings.class = classes.join(' ');
  for (const [rawKey, value] of Object.entries(attrs.values)) {
    const key = rawKey.replace(/^data-/, '');
    if (key === 'background-image' || (key === 'background' && /\.(png|jpe?g|gif|webp|avif|svg)(\?.*)?$/i.test(value))) settings.background = value;
    else if (key === 'background-color' || key === 'background') settings.background ??= value;
    else if (key === 'visibility' && value === 'hidden') {
      dropped.push({ line, what: 'visibility="hidden": the slide is not shown' });
      return { hidden: true, fit };
    } else if (key === 'visibility') dropped.push({ line, what: `visibility="${value}": Lectern numbers every slide` });
    else if (key === 'transition' || key === 'transition-speed' || key === 'background-transition') dropped.push({ line, what: `${rawKey}="${value}": Lectern does not animate between slides` });
    else if (key.startsWith('auto-animate')) dropped.push({ line, what: `${rawKey}: Lectern does not animate between slides` });
    else if (key === 'footer') dropped.push({ line, what: `footer=${value}: the slide keeps the deck's footer` });
    else dropped.push({ line, what: `${rawKey}="${value}" (a slide attribute): not supported, ignored` });
  }
  // a background image given too wins over its colour; reveal.js draws the colour under it
  return { hidden: false, fit };
}

function read(lines: readonly string[], firstLine: number, meta: Readonly<Record<string, unknown>>): DialectResult {
  const opts = options(meta);
  const dropped: Dropped[] = [];
  const slides: DialectSlide[] = [];
  const title = titleSlide(meta, 'Quarto', dropped);
  if (title) {
    const attributes = meta['title-slide-attributes'];
    if (attributes && typeof attributes === 'object') {
      const record = attributes as Record<string, unknown>;
      const background = record['data-background-image'] ?? record['data-background-color'] ?? record['data-background'];
      if (typeof background === 'string') title.settings.background = background;
    }
    slides.push(title);
  }
  for (const raw of splitQuartoSlides(lines, opts.slideLevel)) {
    const line = firstLine + raw.start;
    const settings: SlideSettings = {};
    const headingLines: string[] = [];
    if (raw.heading) {
      const { level, text, attrs } = raw.heading;
      const { hidden, fit } = attrs ? headingSettings(attrs, line, settings, dropped) : { hidden: false, fit: false };
      if (hidden) continue;
      if (level < opts.slideLevel) settings.layout ??= 'section';
      const heading = text ? `${'#'.repeat(level)} ${text}` : '';
      headingLines.push(fit && heading ? `::: fit\n${heading}\n:::` : heading);
    }
    const translated = translateBody(raw.lines, firstLine + raw.bodyStart, opts, dropped);
    if (translated.footer) settings.footer = translated.footer;
    const body = [...headingLines, ...translated.body].join('\n');
    // a rule right before a heading leaves nothing between them: Pandoc makes no slide of it
    if (body.trim() === '' && translated.notes === '' && Object.keys(settings).length === 0) continue;
    slides.push({ body, notes: translated.notes, settings, line });
  }
  return { slides, dropped };
}

export const quarto: Dialect = {
  name: 'quarto',
  label: 'Quarto revealjs',
  detect: (meta) => revealjsFormat(meta) !== null,
  read(lines, firstLine, meta) {
    try {
      return read(lines, firstLine, meta);
    } catch (err) {
      // never refuse a deck over a translation bug: show it as written, and say so
      return { slides: [{ body: lines.join('\n'), notes: '', settings: {}, line: firstLine }], dropped: [{ line: firstLine, what: `the Quarto markup could not be read (${err instanceof Error ? err.message : String(err)}); the deck is shown as written` }] };
    }
  },
};
