/**
 * Slidev decks (sli.dev), read the way @slidev/parser v52 reads them (slidev-split.ts): `---`
 * between slides, a front matter block right after a separator (or a ```yaml block opening the
 * slide) holds the slide's settings, the deck's headmatter is also the first slide's; the last
 * HTML comment of a slide, when nothing follows it, is its notes. Click animations, Vue
 * components and expressions are translated or dropped in slidev-markup.ts.
 */
import { parseDocument } from 'yaml';
import { splitSlidevSlides, type RawSlide } from './slidev-split.js';
import { translateSlidevMarkup } from './slidev-markup.js';
import type { Dialect, DialectResult, DialectSlide, Dropped, SlideSettings } from './types.js';

/** Headmatter keys only Slidev has (its config, @slidev/parser's getDefaultConfig). `colorSchema` is Lectern's own too, `transition`, `info`, `download` are other tools' as well: not enough alone. */
const SLIDEV_CONFIG_KEYS: ReadonlySet<string> = new Set([
  'highlighter', 'drawings', 'mdc', 'fonts', 'routerMode', 'addons', 'titleTemplate', 'exportFilename', 'lineNumbers',
  'canvasWidth', 'aspectRatio', 'themeConfig', 'monaco', 'monacoTypesSource', 'remoteAssets', 'selectable', 'record',
  'contextMenu', 'wakeLock', 'seoMeta', 'htmlAttrs', 'plantUmlServer', 'codeCopy', 'magicMoveCopy', 'twoslash',
  'browserExporter', 'comark', 'defaults', 'clicksStart',
]);
const WEAK_CONFIG_KEYS = ['transition', 'info', 'download', 'presenter', 'favicon'];
const SLIDEV_THEMES = /^(seriph|apple-basic|bricks|shibainu|(@slidev\/theme-|slidev-theme-)[\w-]+)$/;
/** Click animations and Slidev-only elements (`<v-click>`, `v-click` on a tag, `{{ $slidev… }}`). */
const BODY_MARKER = /<v-(clicks?|after|switch|drag)\b|<[A-Za-z][^>\n]*\sv-(click|after|motion|mark|drag)\b|\{\{\s*\$slidev\b|<(Tweet|Youtube|RenderWhen|SlidevVideo|Toc|AutoFitText)\b/;
const COLUMNS_MARKER = /^\s*::(left|right)::\s*$/m;
const SEPARATOR_THEN_LAYOUT = /^---[ \t]*\n(?:[\w-]+:[^\n]*\n)*?layout:[ \t]*[\w-]+[ \t]*\n(?:[\w-]+:[^\n]*\n)*?---[ \t]*$/m;

/** Slidev layouts Lectern has under the same name (slide-settings.ts knows the aliases). */
const SAME_LAYOUTS: ReadonlySet<string> = new Set(['default', 'center', 'cover', 'intro', 'section', 'two-cols', 'image-left', 'image-right', 'quote', 'fact', 'end']);
const NEAREST_LAYOUT: Readonly<Record<string, string>> = { 'two-cols-header': 'two-columns', statement: 'center', full: 'default', none: 'default' };
/** Per-slide keys that change what the slide shows, here settings; the headmatter lends them to slide 1. */
const SLIDE_KEYS = ['layout', 'background', 'image', 'class'];
/** Per-slide keys whose effect Lectern does not have, told to the speaker. */
const UNSUPPORTED_KEYS: Readonly<Record<string, string>> = {
  transition: 'Lectern does not animate between slides',
  clicks: 'Lectern counts the steps from the slide itself',
  clicksStart: 'Lectern counts the steps from the slide itself',
  zoom: 'Lectern fits the slide to the screen itself',
  dragPos: 'draggable elements are not shown',
  src: 'Lectern does not import slides from another file; only this slide\'s own content is shown',
};

function detect(meta: Readonly<Record<string, unknown>>, body: string): boolean {
  const keys = Object.keys(meta);
  if (keys.some((k) => SLIDEV_CONFIG_KEYS.has(k))) return true;
  if (typeof meta['theme'] === 'string' && SLIDEV_THEMES.test(meta['theme'].trim())) return true;
  const text = withoutCode(body);
  if (BODY_MARKER.test(text)) return true;
  const slideFrontMatter = SEPARATOR_THEN_LAYOUT.test(text) || (typeof meta['layout'] === 'string' && (SAME_LAYOUTS.has(meta['layout']) || meta['layout'] in NEAREST_LAYOUT));
  if (COLUMNS_MARKER.test(text) && slideFrontMatter) return true;
  // two weak hints together (transition: and a per-slide layout front matter, say)
  return WEAK_CONFIG_KEYS.filter((k) => k in meta).length + (slideFrontMatter ? 1 : 0) >= 2;
}

/** The body without fenced code and inline code: a deck about Slidev may quote `<v-click>`. */
function withoutCode(body: string): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of body.split('\n')) {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length) fence = null;
      continue;
    }
    if (marker) {
      fence = marker;
      continue;
    }
    out.push(line.replace(/`[^`\n]*`/g, ''));
  }
  return out.join('\n');
}

function read(lines: readonly string[], firstLine: number, meta: Readonly<Record<string, unknown>>): DialectResult {
  const dropped: Dropped[] = [];
  const slides: DialectSlide[] = [];
  // the headmatter (read by readFrontMatter) is the first slide's front matter
  const hasHeadmatter = firstLine > 1;
  for (const key of Object.keys(UNSUPPORTED_KEYS)) {
    if (key === 'transition' && meta[key] !== undefined && meta[key] !== null) dropped.push({ line: 1, what: `transition: ${String(meta[key])}: ${UNSUPPORTED_KEYS[key]}` });
  }
  const raws = splitSlidevSlides(lines, hasHeadmatter);
  raws.forEach((raw, index) => {
    try {
      const slide = readSlide(raw, index === 0 && hasHeadmatter ? meta : null, lines, firstLine, dropped);
      // Slidev's layout when none is named: headmatter defaults, else cover first and default after
      // (its vite plugin); never Lectern's guess from the slide's look
      if (slide && !slide.settings.layout) {
        const defaults = meta['defaults'];
        const fallback = defaults && typeof defaults === 'object' && typeof (defaults as Record<string, unknown>)['layout'] === 'string' ? String((defaults as Record<string, unknown>)['layout']) : null;
        slide.settings.layout = fallback && (SAME_LAYOUTS.has(fallback) || fallback in NEAREST_LAYOUT) ? (NEAREST_LAYOUT[fallback] ?? fallback) : index === 0 ? 'cover' : 'default';
      }
      if (slide) slides.push(slide);
    } catch (err) {
      // never throw on odd input: keep the slide as plain text
      const line = firstLine + raw.contentAt;
      dropped.push({ line, what: `this slide could not be translated (${err instanceof Error ? err.message : String(err)}); shown as written` });
      slides.push({ body: raw.content.join('\n'), notes: '', settings: {}, line });
    }
  });
  return { slides, dropped };
}

/** One slide, or null when Slidev would not show it (hidden, or nothing at all). `headmatter`: the deck's front matter for the first slide. */
function readSlide(raw: RawSlide, headmatter: Readonly<Record<string, unknown>> | null, lines: readonly string[], firstLine: number, dropped: Dropped[]): DialectSlide | null {
  const contentLine = firstLine + raw.contentAt;
  const fmLine = firstLine + raw.frontMatterAt;
  let frontMatter: Record<string, unknown> = {};
  if (headmatter) frontMatter = { ...headmatter };
  if (raw.unclosed) dropped.push({ line: contentLine - 1, what: 'a --- followed directly by a line opens front matter in Slidev, and this one is never closed by ---: read as the slide\'s content' });
  if (raw.frontMatter !== null) {
    const read = readYaml(raw.frontMatter);
    if (read === 'not-yaml') {
      const last = fmLine + raw.frontMatter.split('\n').length - 1;
      dropped.push({ line: fmLine, what: `lines ${fmLine}–${last} follow --- directly, so Slidev reads them as this slide's front matter, and they are not "key: value" lines: not shown (a blank line after --- makes them content)` });
    } else frontMatter = read;
  }
  const keyLine = (key: string) => {
    if (headmatter && raw.frontMatter === null) return 1;
    const at = (raw.frontMatter ?? '').split('\n').findIndex((l) => l.startsWith(`${key}:`));
    return at < 0 ? fmLine : fmLine + at;
  };

  if (frontMatter['hide'] === true || frontMatter['disabled'] === true) {
    const key = frontMatter['hide'] === true ? 'hide' : 'disabled';
    dropped.push({ line: keyLine(key), what: `${key}: true: the slide is skipped, as in Slidev's presentation` });
    return null;
  }

  const { content, notes } = takeNotes(raw.content);
  const ownKeys = headmatter && raw.frontMatter === null ? SLIDE_KEYS.filter((k) => k in frontMatter) : Object.keys(frontMatter);
  if (content.every((l) => l.trim() === '') && notes === '' && ownKeys.length === 0) {
    if (lines.length > 0 && raw.contentAt < lines.length) dropped.push({ line: contentLine, what: 'an empty slide (nothing between two ---): skipped' });
    return null;
  }
  const settings = slideSettings(frontMatter, keyLine, dropped);
  for (const [key, why] of Object.entries(UNSUPPORTED_KEYS)) {
    if (frontMatter[key] === undefined || frontMatter[key] === null) continue;
    if (key === 'transition' && headmatter && raw.frontMatter === null) continue; // told once for the deck
    dropped.push({ line: keyLine(key), what: `${key}: ${JSON.stringify(frontMatter[key])}: ${why}` });
  }
  const body = translateSlidevMarkup(content, contentLine, dropped);
  return { body, notes, settings, line: contentLine };
}

/** The slide's front matter as a mapping; `not-yaml` for text Slidev would swallow without a setting in it. */
function readYaml(text: string): Record<string, unknown> | 'not-yaml' {
  if (text.trim() === '') return {};
  try {
    const doc = parseDocument(text);
    const value: unknown = doc.errors.length ? undefined : doc.toJSON();
    // text with no setting in it (often a heading right after ---, which YAML reads as a comment)
    if (value === null || value === undefined) return 'not-yaml';
    if (typeof value !== 'object' || Array.isArray(value)) return 'not-yaml';
    return value as Record<string, unknown>;
  } catch {
    return 'not-yaml';
  }
}

/** Slidev's notes rule (parseSlide): the last HTML comment, when nothing but whitespace follows it. Its lines become blank, keeping the line count. */
function takeNotes(lines: readonly string[]): { content: string[]; notes: string } {
  const text = lines.join('\n');
  const trimmed = text.trimEnd();
  const comments = [...trimmed.matchAll(/<!--([\s\S]*?)-->/g)];
  const last = comments[comments.length - 1];
  if (!last || last.index + last[0].length < trimmed.length) return { content: [...lines], notes: '' };
  const blanked = text.slice(0, last.index) + last[0].replace(/[^\n]/g, '') + text.slice(last.index + last[0].length);
  return { content: blanked.split('\n'), notes: (last[1] ?? '').trim() };
}

/** Slidev's `/picture.png` is a file in the deck's public/ folder. */
function assetPath(ref: string): string {
  return /^\/(?!\/)/.test(ref) ? `public${ref}` : ref;
}

function slideSettings(frontMatter: Readonly<Record<string, unknown>>, keyLine: (key: string) => number, dropped: Dropped[]): SlideSettings {
  const settings: SlideSettings = {};
  const text = (key: string): string | undefined => {
    const value = frontMatter[key];
    if (typeof value === 'string' && value.trim()) return value.trim();
    if (Array.isArray(value)) return value.filter((v) => typeof v === 'string').join(' ') || undefined;
    return undefined;
  };
  const remote = (ref: string) => /^[a-z][\w+.-]*:/i.test(ref) && !/^data:/i.test(ref);
  const image = text('image');
  const layout = text('layout')?.toLowerCase();
  if (layout) {
    if (SAME_LAYOUTS.has(layout)) settings.layout = layout;
    else if (layout in NEAREST_LAYOUT) settings.layout = NEAREST_LAYOUT[layout]!;
    else if (layout === 'image') {
      if (image && !remote(image)) settings.background = assetPath(image);
      else dropped.push({ line: keyLine('image'), what: `layout: image ${image ? `with a remote image (${image})` : 'without image:'}: Lectern shows pictures from the deck's folder only` });
    } else if (layout.startsWith('iframe')) {
      dropped.push({ line: keyLine('layout'), what: `layout: ${layout} (a web page${typeof frontMatter['url'] === 'string' ? ` ${frontMatter['url']}` : ''}): not embedded, the slide shows its text alone` });
    } else {
      dropped.push({ line: keyLine('layout'), what: `layout: ${layout} (a Slidev theme's layout): the slide keeps Lectern's default layout` });
    }
  }
  if (image && (layout === 'image-left' || layout === 'image-right')) {
    if (remote(image)) dropped.push({ line: keyLine('image'), what: `image: ${image}: Lectern shows pictures from the deck's folder only` });
    else settings.image = assetPath(image);
  }
  const size = text('backgroundSize');
  if (size && size !== 'cover') dropped.push({ line: keyLine('backgroundSize'), what: `backgroundSize: ${size}: Lectern covers the area with the picture` });
  const background = text('background');
  if (background) {
    if (remote(background)) dropped.push({ line: keyLine('background'), what: `background: ${background}: Lectern shows pictures from the deck's folder only` });
    else settings.background = assetPath(background);
  }
  const className = text('class');
  if (className) settings.class = className;
  return settings;
}

export const slidev: Dialect = { name: 'slidev', label: 'Slidev', detect, read };
