/**
 * Marp's directives (Marpit's markdown/directives, plus the global ones marp-core and marp-cli
 * add): which comment is a directive rather than a note, and how local directives carry from
 * slide to slide. Mirrors @marp-team/marpit 3.x lib/markdown/directives/{directives,parse}.js.
 */
import { parse as parseYaml } from 'yaml';
import type { Dropped, SlideSettings } from './types.js';

/** Marpit's globals, marp-core's `size` and `math`, marp-cli's metadata. The last value in the deck wins. */
export const GLOBAL_DIRECTIVES: ReadonlySet<string> = new Set(['headingDivider', 'style', 'theme', 'lang', 'size', 'math', 'title', 'description', 'author', 'image', 'keywords', 'url']);
/** Marpit's locals (and marp-cli's `transition`): this slide and the following ones; `_name` this slide only. */
export const LOCAL_DIRECTIVES: ReadonlySet<string> = new Set([
  'backgroundColor',
  'backgroundImage',
  'backgroundPosition',
  'backgroundRepeat',
  'backgroundSize',
  'class',
  'color',
  'footer',
  'header',
  'paginate',
  'transition',
]);

// Marpit's comment.js: comments tools write for themselves, neither notes nor directives
const MAGIC_COMMENTS = [/^prettier-ignore(-(start|end))?$/, /^markdownlint-((disable|enable).*|capture|restore)$/, /^lint (disable|enable|ignore).*$/];

export type DirectiveValues = Record<string, string>;

/** What a comment is to Marp: keys and values when it is a directive, 'magic' for a linter's, null for a note. */
export function readDirectiveComment(content: string): Record<string, unknown> | 'magic' | null {
  if (MAGIC_COMMENTS.some((m) => m.test(content.trim()))) return 'magic';
  let parsed: unknown;
  try {
    // Marpit reads comments with js-yaml's FAILSAFE schema: every scalar a string
    parsed = parseYaml(content, { schema: 'failsafe' });
  } catch {
    return null;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return null;
  const obj = parsed as Record<string, unknown>;
  const recognized = Object.keys(obj).some((key) => GLOBAL_DIRECTIVES.has(key) || LOCAL_DIRECTIVES.has(key) || (key.startsWith('_') && LOCAL_DIRECTIVES.has(key.slice(1))));
  return recognized ? obj : null;
}

/** A directive's value as Marpit sees it (FAILSAFE strings; a list of classes joined), or null when it has none. */
export function directiveText(value: unknown): string | null {
  if (Array.isArray(value)) return value.map((v) => String(v)).join(' ');
  if (value === null || value === undefined || typeof value === 'object') return null;
  return String(value);
}

/** Marpit's headingDivider: a level 1–6 splits before headings of that level and above; a list, those levels only. */
export function headingLevels(value: unknown): number[] | null {
  if (value === undefined || value === null || value === false || value === 'false') return null;
  const toInt = (v: unknown) => (typeof v === 'number' ? v : Number.parseInt(String(v), 10));
  if (Array.isArray(value)) {
    const wanted = value.map(toInt);
    const levels = [1, 2, 3, 4, 5, 6].filter((l) => wanted.includes(l));
    return levels.length ? levels : null;
  }
  const level = toInt(value);
  return Number.isInteger(level) && level >= 1 && level <= 6 ? Array.from({ length: level }, (_, i) => i + 1) : null;
}

/**
 * Local directives in force as Marpit applies them: a slide gets every local directive set so far
 * (including ones written anywhere on it), plus its own spot (`_`) directives; spot ones are then forgotten.
 */
export class LocalDirectiveCursor {
  private local: DirectiveValues = {};
  private spot: DirectiveValues = {};

  /** Takes a directive object (front matter, or a comment) in Marpit's order. */
  apply(obj: Readonly<Record<string, unknown>>): void {
    for (const [key, raw] of Object.entries(obj)) {
      const value = directiveText(raw);
      if (value === null) continue;
      if (LOCAL_DIRECTIVES.has(key)) this.local[key] = value;
      else if (key.startsWith('_') && LOCAL_DIRECTIVES.has(key.slice(1))) this.spot[key.slice(1)] = value;
    }
  }

  /** The directives of the slide that just ended; its spot directives do not reach the next one. */
  closeSlide(): DirectiveValues {
    const values = { ...this.local, ...this.spot };
    this.spot = {};
    return values;
  }
}

/** The file a CSS `url(...)` names, or null for anything else (a gradient, several images). */
export function cssUrl(value: string): string | null {
  const match = /^\s*url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)\s*$/.exec(value);
  const ref = match?.[1] ?? match?.[2] ?? match?.[3];
  return ref ? ref : null;
}

/** A slide's Marp directives as Lectern settings. */
export function settingsFromDirectives(values: DirectiveValues): SlideSettings {
  const settings: SlideSettings = {};
  if (values['class']) {
    settings.class = values['class'];
    // Marp's themes centre a `lead` slide (default, gaia, uncover): Lectern's centred layout
    if (/(^|\s)lead(\s|$)/.test(values['class'])) settings.layout = 'center';
  }
  if (values['color']) settings.color = values['color'];
  if (values['header']) settings.header = values['header'];
  if (values['footer']) settings.footer = values['footer'];
  const paginate = (values['paginate'] ?? '').toLowerCase();
  // `hold` shows the number without counting the slide; Lectern numbers every slide
  if (paginate === 'true' || paginate === 'hold') settings.paginate = 'true';
  if (values['backgroundColor']) settings.background = values['backgroundColor'];
  if (values['backgroundImage']) {
    // a gradient or several images: reported where it is written (unsupportedDirectives)
    const ref = cssUrl(values['backgroundImage']);
    if (ref) settings.background = ref;
  }
  return settings;
}

/** What a directive comment (or front matter) asks for that Lectern cannot show, once per place it is written. */
export function unsupportedDirectives(obj: Readonly<Record<string, unknown>>, line: number, dropped: Dropped[]): void {
  for (const [key, raw] of Object.entries(obj)) {
    const name = key.startsWith('_') ? key.slice(1) : key;
    const value = directiveText(raw) ?? '';
    const what = (why: string) => dropped.push({ line, what: `${key}: ${value.split('\n')[0]}: ${why}` });
    if (name === 'style') what('a deck stylesheet written in Marp CSS is not applied (use css: style.css)');
    else if (name === 'math') what('Lectern does not typeset math');
    else if (name === 'transition') what('Lectern does not animate between slides');
    else if (name === 'paginate' && value.toLowerCase() === 'hold') what('Lectern numbers every slide, the number is not held');
    else if (name === 'backgroundImage' && !cssUrl(value)) what('Lectern shows a colour or one image file as a background');
    else if (name === 'backgroundSize' && !/^cover$/i.test(value)) what('Lectern covers the slide with a background image');
    else if (name === 'backgroundPosition' && !/^center$/i.test(value)) what('Lectern centres a background image');
    else if (name === 'backgroundRepeat' && !/^no-repeat$/i.test(value)) what('Lectern does not repeat a background image');
  }
}
