/**
 * remark decks, read by remark's own parser (gnab/remark src/remark/lexer.js, parser.js,
 * models/slideshow.js, models/slide.js):
 *
 * - a line `---` ends a slide; a line `--` continues it as a build (remark shows a copy of the
 *   slide with what follows added): one Lectern slide with a `. . .` pause there;
 * - a line `???` starts the speaker notes, up to the next separator;
 * - `key: value` lines at the very top of a slide are its properties (there is no front matter:
 *   the first slide's properties are the file's first lines): `class`, `background-image`,
 *   `name`, `layout: true` (a template for the slides that follow), `template: name`,
 *   `exclude: true`, `count: false`; `<!-- key: value -->` sets one too;
 * - a slide built on a template gets the template's content before its own (or in place of
 *   `{{content}}`) and its properties (classes added up), and `{{ name }}` shows a property.
 *
 * Separators, notes and properties are never looked for inside fenced code.
 */
import { fenceTracker } from '../scan.js';
import { expandProperties, translateRemarkContent } from './remark-content.js';
import type { Dialect, DialectResult, DialectSlide, Dropped, SlideSettings } from './types.js';
import { titleSlide } from './yaml-title-slide.js';

// lexer.js: the separators are exactly these, alone on their line (`--- ` is a rule, not a separator)
const SLIDE_SEPARATOR = /^(---|<!--\s*break\s*-->)$/;
const BUILD_SEPARATOR = /^--$/;
const NOTES_SEPARATOR = /^\?\?\?$/;
// parser.js extractProperties: `name: value` at the start of the slide, blank lines between allowed
const PROPERTY = /^([-\w]+):(.*)$/;
const COMMENT_PROPERTY = /<!--\s*([-\w]+):([^\n]*?)\s*-->/g;

/** Properties remark reads itself; any other is only for `{{ name }}` in a template. */
const KNOWN = new Set(['class', 'name', 'layout', 'template', 'exclude', 'count', 'background-image', 'background-color', 'background-size', 'background-position', 'highlight-style', 'continued', 'title', 'seal']);

interface Part {
  /** 0-based index in the lines of the part's first line */
  start: number;
  content: string[];
  notes: string[] | null;
  continued: boolean;
}

/** remark strips the indentation every line shares (decks pasted into an indented `<textarea>`). */
function dedent(lines: readonly string[]): string[] {
  const indents = lines.filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)![0].length);
  const common = indents.length ? Math.min(...indents) : 0;
  return common ? lines.map((l) => l.replace(new RegExp(`^[ \\t]{0,${common}}`), '')) : [...lines];
}

/** Splits at `---` (a new slide), `--` (the same slide, one step later) and `???` (notes), outside fenced code. */
function splitParts(lines: readonly string[]): Part[] {
  const parts: Part[] = [];
  let current: Part = { start: 0, content: [], notes: null, continued: false };
  const inFence = fenceTracker();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!inFence(line)) {
      const slide = SLIDE_SEPARATOR.test(line);
      if (slide || BUILD_SEPARATOR.test(line)) {
        parts.push(current);
        current = { start: i + 1, content: [], notes: null, continued: !slide };
        continue;
      }
      if (NOTES_SEPARATOR.test(line)) {
        // a second ??? starts the notes afresh, as in remark
        current.notes = [];
        continue;
      }
    }
    (current.notes ?? current.content).push(line);
  }
  parts.push(current);
  return parts;
}

/** The `key: value` lines at the top of a part (each replaced by an empty line) and `<!-- key: value -->` comments in it. */
function extractProperties(content: string[]): Record<string, string> {
  const properties: Record<string, string> = {};
  for (let i = 0; i < content.length; i++) {
    const line = content[i]!;
    if (line === '') continue;
    const match = PROPERTY.exec(line);
    if (!match) break;
    properties[match[1]!.trim()] = match[2]!.trim();
    content[i] = '';
  }
  for (let i = 0; i < content.length; i++) {
    content[i] = content[i]!.replace(COMMENT_PROPERTY, (_, key: string, value: string) => {
      properties[key.trim()] = value.trim();
      return '';
    });
  }
  return properties;
}

/** What a slide is after its template is applied (models/slide.js inherit). */
interface Resolved {
  properties: Record<string, string>;
  content: string;
}

function inherit(own: Resolved, template: Resolved | undefined): Resolved {
  if (!template) return own;
  const properties = { ...own.properties };
  for (const [key, value] of Object.entries(template.properties)) {
    if (key === 'name' || key === 'layout' || key === 'count') continue;
    if (key === 'class' && own.properties['class']) properties['class'] = `${value}, ${own.properties['class']}`;
    else if (properties[key] === undefined) properties[key] = value;
  }
  const content = /\{\{\s*content\s*\}\}/.test(template.content)
    ? template.content.replace(/(\\)?\{\{\s*content\s*\}\}/g, (match, escaped: string | undefined) => (escaped ? match : own.content))
    : `${template.content}\n${own.content}`;
  return { properties, content };
}

/** Lectern settings from a slide's resolved properties. */
function toSettings(properties: Readonly<Record<string, string>>): SlideSettings {
  const settings: SlideSettings = {};
  const classes = (properties['class'] ?? '').split(/[,\s]+/).filter(Boolean);
  // remark's own CSS: .center aligns text, .middle centres vertically; Lectern's center layout does both
  if (classes.some((c) => c === 'center' || c === 'middle')) settings.layout = 'center';
  const others = [...new Set(classes.filter((c) => c !== 'center' && c !== 'middle'))];
  if (others.length) settings.class = others.join(' ');
  const image = /^url\(\s*(['"]?)(.*?)\1\s*\)$/.exec(properties['background-image']?.trim() ?? '')?.[2] ?? properties['background-image']?.trim();
  const background = image || properties['background-color']?.trim();
  if (background) settings.background = background;
  return settings;
}

/** Reports a part's own properties Lectern cannot honour. */
function reportProperties(properties: Readonly<Record<string, string>>, line: number, dropped: Dropped[]): void {
  for (const [key, value] of Object.entries(properties)) {
    if (key === 'count' && value === 'false') dropped.push({ line, what: 'count: false: Lectern numbers every slide' });
    else if (key === 'background-size' || key === 'background-position') dropped.push({ line, what: `${key}: ${value}: Lectern covers the slide with its background image` });
    else if (key === 'highlight-style') dropped.push({ line, what: `highlight-style: ${value}: code takes the theme's colours` });
    else if (key === 'layout' && value !== 'true' && value !== 'false') dropped.push({ line, what: `layout: ${value} (remark knows only true and false): ignored` });
    else if (!KNOWN.has(key)) dropped.push({ line, what: `${key}: ${value} (a remark slide property, shown only through {{${key}}}): not shown` });
  }
}

function read(source: readonly string[], firstLine: number, meta: Readonly<Record<string, unknown>>): DialectResult {
  const dropped: Dropped[] = [];
  const slides: DialectSlide[] = [];
  // xaringan (remark from R Markdown) makes a title slide from the front matter
  const title = isXaringan(meta) ? titleSlide(meta, 'xaringan', dropped) : null;
  if (title) slides.push(title);

  const lines = dedent(source);
  const byName = new Map<string, Resolved>();
  let layout: Resolved | undefined;
  let previous: Resolved | undefined;
  let last: DialectSlide | undefined;
  for (const [index, part] of splitParts(lines).entries()) {
    const line = firstLine + part.start;
    const own = part.content.slice();
    const properties = extractProperties(own);
    // parser.js drops excluded slides before anything else looks at them
    if ((properties['exclude'] ?? '').toLowerCase() === 'true') continue;
    reportProperties(properties, line, dropped);
    const content = translateRemarkContent(own.join('\n'), line, dropped);

    // models/slideshow.js createSlides: which slide this one is built on
    let template: Resolved | undefined;
    const continued = part.continued && index > 0;
    if (continued) template = previous;
    else if (properties['template'] !== undefined && byName.has(properties['template'])) template = byName.get(properties['template']);
    else if (properties['layout'] === 'false') layout = undefined;
    else if (layout && properties['layout'] !== 'true') template = layout;
    if (properties['template'] !== undefined && !byName.has(properties['template'])) dropped.push({ line, what: `template: ${properties['template']}: no slide has that name` });

    const resolved = inherit({ properties, content }, template);
    if (properties['name']) byName.set(properties['name'], resolved);
    if (properties['layout'] === 'true') {
      layout = resolved;
      continue;
    }
    previous = resolved;
    const notes = (part.notes ?? []).join('\n').trim();
    if (continued && last) {
      // the rest of the slide, one step later; its notes join the slide's
      last.body += `\n\n. . .\n\n${expandProperties(content, resolved.properties)}`;
      if (notes) last.notes = [last.notes, notes].filter(Boolean).join('\n\n');
      last.settings = toSettings(resolved.properties);
      continue;
    }
    last = { body: expandProperties(resolved.content, resolved.properties), notes, settings: toSettings(resolved.properties), line };
    slides.push(last);
  }
  return { slides: slides.filter((s) => s.body.trim() !== '' || s.notes !== '' || Object.keys(s.settings).length > 0), dropped };
}

/** xaringan's `output: xaringan::moon_reader` (remark decks written in R Markdown). */
function isXaringan(meta: Readonly<Record<string, unknown>>): boolean {
  const output = meta['output'];
  if (typeof output === 'string') return /xaringan/i.test(output);
  return !!output && typeof output === 'object' && Object.keys(output).some((k) => /xaringan/i.test(k));
}

// the property lines that mark a remark slide; `name:` alone could be prose
const STRONG_PROPERTY = /^(class:\s*[\w-]+(\s*,\s*[\w-]+)*\s*|layout:\s*(true|false)\s*|template:\s*[\w-]+\s*|background-image:\s*url\(.*\)\s*|count:\s*(true|false)\s*|exclude:\s*(true|false)\s*)$/;

/**
 * remark markers: a `???` notes line, or property lines (`class: center, middle`,
 * `layout: true`, `background-image: url(…)`) at the top of a slide followed by its content.
 * A properties block closed by `---` is Slidev's per-slide front matter, not remark's, unless it
 * is remark's `layout: true` template. `--` alone proves nothing (reveal.js and Obsidian use it).
 */
function detect(meta: Readonly<Record<string, unknown>>, body: string): boolean {
  if (isXaringan(meta)) return true;
  const lines = dedent(body.split(/\r\n|\r|\n/));
  const inFence = fenceTracker();
  let slideTop = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (inFence(line)) {
      slideTop = false;
      continue;
    }
    if (NOTES_SEPARATOR.test(line)) return true;
    if (SLIDE_SEPARATOR.test(line) || BUILD_SEPARATOR.test(line)) {
      slideTop = true;
      continue;
    }
    if (!slideTop || line === '') continue;
    slideTop = false;
    // the run of property lines at the top of this slide
    let end = i;
    let strong = false;
    let template = false;
    while (end < lines.length && (lines[end] === '' || PROPERTY.test(lines[end]!))) {
      if (STRONG_PROPERTY.test(lines[end]!)) strong = true;
      if (/^layout:\s*(true|false)\s*$/.test(lines[end]!)) template = true;
      end++;
    }
    const next = lines[end];
    if (template || (strong && next !== undefined && !SLIDE_SEPARATOR.test(next))) return true;
    if (end > i) i = end - 1;
  }
  return false;
}

export const remark: Dialect = {
  name: 'remark',
  label: 'remark',
  detect,
  read(lines, firstLine, meta) {
    try {
      return read(lines, firstLine, meta);
    } catch (err) {
      // never refuse a deck over a translation bug: show it as written, and say so
      return { slides: [{ body: lines.join('\n'), notes: '', settings: {}, line: firstLine }], dropped: [{ line: firstLine, what: `the remark markup could not be read (${err instanceof Error ? err.message : String(err)}); the deck is shown as written` }] };
    }
  },
};
