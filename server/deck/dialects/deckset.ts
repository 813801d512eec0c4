/**
 * Deckset decks (docs.decksetapp.com): deck commands as `key: value` lines at the very top of the
 * file, `---` between slides (and headings with `slide-dividers`), `^` paragraphs as presenter
 * notes, `[.command: value]` lines per slide, `# [fit]` headings, and images whose alt text says
 * where they go: `![](x)` a background, `![left](x)` beside the text, `![inline](x)` in the text.
 */
import { fenceTracker, commentOpenAfter, commentStart } from '../scan.js';
import { readLecternSlides } from '../parse.js';
import type { Dialect, DialectResult, DialectSlide, Dropped, SlideSettings } from './types.js';

/** Commands Deckset reads at the top of the file (configuration-commands, custom-theming). */
const DECK_COMMANDS: ReadonlySet<string> = new Set([
  'theme', 'build-lists', 'slide-dividers', 'slidenumbers', 'slidecount', 'footer', 'autoscale', 'slide-transition',
  'code-language', 'fit-header', 'background-image', 'presenter-notes', 'footer-style', 'slidenumber-style',
]);
// `theme` and `footer` are words any deck might start with; these are Deckset's alone
const DECKSET_ONLY = new Set([...DECK_COMMANDS].filter((k) => k !== 'theme' && k !== 'footer'));
const COMMAND_LINE = /^([a-z][a-z-]*)\s*:\s*(.*?)\s*$/;
/** `[.build-lists: true]`, `[.column]`: a per-slide command on a line of its own. */
const SLIDE_COMMAND = /^\s*\[\.([a-z][a-z-]*)(?:\s*:\s*(.*?))?\]\s*$/;
const SEPARATOR = /^\s*---\s*$/;
const ATX_HEADING = /^ {0,3}(#{1,6})(?:\s|$)/;
const NOTE = /^ {0,3}\^ ?/;
const COLOR = /^(#[0-9a-f]{3,8}|[a-z]+|(rgba?|hsla?)\([0-9.,%\s]+\))$/i;
const IMAGE = /!\[([^\]\n]*)\]\(\s*(<[^>\n]*>|[^\s()]+)(\s+"[^"\n]*")?\s*\)/g;
const FRAGMENT_MARKER = ' <!-- .element: class="fragment" -->';

/** Deckset's themes → Lectern's nearest (by their look: plain sans, bold display, serif, typewriter). */
const THEMES: Readonly<Record<string, string>> = {
  'plain jane': 'default', simple: 'default', next: 'default', zurich: 'default', fira: 'default', titillium: 'default', inter: 'default', work: 'default', 'build': 'default',
  poster: 'lead', hero: 'lead', ostrich: 'lead', franziska: 'lead', 'sketchnote': 'lead', 'scherzkeks': 'lead',
  'letters from sweden': 'serif', libre: 'serif', serif: 'serif', 'olive': 'serif',
  courier: 'terminal', code: 'terminal', 'chalk': 'dark', 'dark': 'dark',
};

interface DeckCommands {
  values: Record<string, string>;
  /** How many leading lines they take. */
  length: number;
}

/** The `key: value` lines at the very top (until the first line that is not one), when at least one is Deckset's. */
function readDeckCommands(lines: readonly string[]): DeckCommands {
  const values: Record<string, string> = {};
  let length = 0;
  while (length < lines.length) {
    const m = COMMAND_LINE.exec(lines[length] ?? '');
    if (!m || !DECK_COMMANDS.has(m[1]!)) break;
    values[m[1]!] = m[2]!;
    length += 1;
  }
  return { values, length };
}

const isTrue = (v: string | undefined) => (v ?? '').trim().toLowerCase() === 'true';

/** `#, ##` → [1, 2]. */
function headingLevels(value: string | undefined): number[] {
  return (value ?? '').split(',').map((p) => p.trim()).filter((p) => /^#{1,6}$/.test(p)).map((p) => p.length);
}

interface Chunk {
  lines: string[];
  start: number;
}

/** Slides end at `---` lines (outside code and comments), and before divider headings once the slide has content. */
function splitChunks(lines: readonly string[], dividers: number[]): Chunk[] {
  const chunks: Chunk[] = [{ lines: [], start: 0 }];
  const inFence = fenceTracker();
  let inComment = false;
  lines.forEach((line, i) => {
    const current = chunks[chunks.length - 1]!;
    const fenced = !inComment && inFence(line);
    if (!inComment && !fenced) {
      if (SEPARATOR.test(line)) {
        chunks.push({ lines: [], start: i + 1 });
        return;
      }
      const heading = ATX_HEADING.exec(line);
      if (heading && dividers.includes(heading[1]!.length) && current.lines.some((l) => l.trim() !== '' && !SLIDE_COMMAND.test(l))) {
        chunks.push({ lines: [line], start: i });
        return;
      }
    }
    current.lines.push(line);
    if (!fenced) inComment = commentOpenAfter(line, inComment);
  });
  return chunks;
}

interface SlideContext {
  deck: Record<string, string>;
  firstLine: number;
  dropped: Dropped[];
}

/** One Deckset slide → Lectern Markdown, notes and settings. */
function readSlide(chunk: Chunk, ctx: SlideContext): DialectSlide {
  const line = (i: number) => ctx.firstLine + chunk.start + i;
  const drop = (i: number, what: string) => ctx.dropped.push({ line: line(i), what });
  const settings: SlideSettings = {};
  let build = isTrue(ctx.deck['build-lists']);
  let footer: string | undefined = ctx.deck['footer'] || undefined;
  let numbers = isTrue(ctx.deck['slidenumbers']);
  if (ctx.deck['background-image']) settings.background = ctx.deck['background-image'];
  const fitLevels = headingLevels(ctx.deck['fit-header']);
  const body: string[] = [];
  const notes: string[] = [];
  const highlights: string[] = [];
  let columns = 0;
  let backgrounds = 0;
  let inNote = false;
  let inComment = false;
  const inFence = fenceTracker();

  chunk.lines.forEach((raw, i) => {
    const fenced = !inComment && inFence(raw);
    if (fenced) {
      inNote = false;
      // the fence that opens after `[.code-highlight]` lines steps through them
      if (highlights.length && /^ {0,3}(`{3,}|~{3,})/.test(raw)) {
        if (highlights.length > 1) body.push(`${raw.trimEnd()} {${highlights.join('|')}}`);
        else {
          body.push(raw);
          drop(i, `[.code-highlight: ${highlights[0]}]: Lectern highlights lines only as steps (two or more)`);
        }
        highlights.length = 0;
        return;
      }
      body.push(raw);
      return;
    }
    // comments hide what they hold in Deckset: nothing in them is a command or a note
    let text = raw;
    if (inComment || commentStart(raw, 0) >= 0) {
      const wasOpen = inComment;
      inComment = commentOpenAfter(raw, inComment);
      body.push(raw);
      if (wasOpen || inComment) return;
      text = raw.replace(/<!--[\s\S]*?-->/g, '');
    }
    if (inNote && text.trim() !== '') {
      notes[notes.length - 1] += `\n${text}`;
      body.push('');
      return;
    }
    inNote = false;
    if (NOTE.test(text)) {
      notes.push(text.replace(NOTE, ''));
      inNote = true;
      body.push('');
      return;
    }
    const command = SLIDE_COMMAND.exec(text);
    if (command) {
      const [, key, value = ''] = command;
      body.push('');
      switch (key) {
        case 'build-lists':
          build = isTrue(value);
          return;
        case 'background-color':
          if (COLOR.test(value.trim())) settings.background = value.trim();
          else drop(i, `[.background-color: ${value}]: not a CSS colour`);
          return;
        case 'background-image':
          settings.background = value.trim();
          return;
        case 'text': {
          const colour = value.split(',')[0]!.trim();
          if (COLOR.test(colour) && colour.startsWith('#')) settings.color = colour;
          if (value.split(',').length > 1 || !colour.startsWith('#')) drop(i, `[.text: ${value}]: Lectern keeps its theme's fonts and sizes`);
          return;
        }
        case 'footer':
          footer = value || undefined;
          return;
        case 'hide-footer':
          footer = undefined;
          return;
        case 'slidenumbers':
          numbers = isTrue(value);
          return;
        case 'column':
          columns += 1;
          if (columns <= 2) body[body.length - 1] = columns === 1 ? '::left::' : '::right::';
          else drop(i, '[.column] (a third column): Lectern shows two columns; its content follows the second');
          return;
        case 'code-highlight':
          highlights.push(value.trim() === 'none' ? 'all' : value.trim());
          return;
        default:
          drop(i, `[.${key}${value ? `: ${value}` : ''}]: ${key === 'slide-transition' ? 'Lectern does not animate between slides' : 'a Deckset command Lectern does not apply'}`);
          return;
      }
    }
    // `# [fit] Title`, or every heading of a fit-header level
    const heading = ATX_HEADING.exec(text);
    if (heading && (/^ {0,3}#{1,6}\s+\[fit\]/i.test(text) || fitLevels.includes(heading[1]!.length))) {
      body.push('::: fit', text.replace(/\[fit\]\s*/i, ''), ':::');
      return;
    }
    text = text.replace(IMAGE, (whole: string, alt: string, rawSrc: string, _title: string | undefined, offset: number) => {
      if ((text.slice(0, offset).split('`').length - 1) % 2 === 1) return whole;
      const src = rawSrc.startsWith('<') ? rawSrc.slice(1, -1) : rawSrc;
      const words = alt.toLowerCase().split(/\s+/).filter(Boolean);
      const extras = words.filter((w) => !['inline', 'left', 'right', 'original', 'fill'].includes(w));
      if (extras.length) drop(i, `![${alt}](${src}): ${extras.join(' ')}: Lectern sizes and filters Deckset images its own way`);
      if (words.includes('inline')) return `![](${rawSrc})`;
      if (words.includes('left') || words.includes('right')) {
        if (settings.image) {
          drop(i, `![${alt}](${src}): a second side image; Lectern shows one`);
          return '';
        }
        settings.layout = words.includes('left') ? 'image-left' : 'image-right';
        settings.image = src;
        return '';
      }
      backgrounds += 1;
      if (backgrounds > 1) drop(i, `![${alt}](${src}): multiple backgrounds; Lectern shows the slide's first one only`);
      else settings.background = src;
      return '';
    });
    if (build) {
      text = text.replace(/^(\s*)[-*](\s+)(?=\S)/, '$1+$2');
      if (/^\s*\d+[.)]\s+\S/.test(text)) text += FRAGMENT_MARKER;
    }
    body.push(text);
  });

  if (footer) settings.footer = footer;
  if (numbers) settings.paginate = 'true';
  const slideNotes = notes.map((n) => n.trim()).filter(Boolean).join('\n\n');
  return { body: body.join('\n'), notes: slideNotes, settings, line: line(0) };
}

function readDeckset(lines: readonly string[], firstLine: number): DialectResult {
  const dropped: Dropped[] = [];
  const commands = readDeckCommands(lines);
  const deck = commands.values;
  const meta: Record<string, unknown> = {};
  if (deck['theme']) {
    const name = deck['theme'].split(',')[0]!.trim();
    const theme = THEMES[name.toLowerCase()];
    if (theme) meta['theme'] = theme;
    else dropped.push({ line: firstLine, what: `theme: ${deck['theme']}: not a Deckset theme Lectern knows; the default theme is used` });
  }
  for (const [key, value] of Object.entries(deck)) {
    if (['autoscale', 'slide-transition', 'code-language', 'presenter-notes', 'slidecount', 'footer-style', 'slidenumber-style'].includes(key)) {
      const line = firstLine + Object.keys(deck).indexOf(key);
      dropped.push({ line, what: `${key}: ${value}: ${key === 'slide-transition' ? 'Lectern does not animate between slides' : 'a Deckset setting Lectern does not apply'}` });
    }
  }
  const body = lines.map((l, i) => (i < commands.length ? '' : l));
  const slides: DialectSlide[] = [];
  for (const chunk of splitChunks(body, headingLevels(deck['slide-dividers']))) {
    const slide = readSlide(chunk, { deck, firstLine, dropped });
    if (slide.body.trim() === '' && slide.notes === '') continue;
    slides.push(slide);
  }
  return { slides, dropped, meta };
}

/** A Deckset deck shows itself by its top commands, `[.command]` lines, `^ ` notes or `[fit]` headings. */
function looksLikeDeckset(meta: Readonly<Record<string, unknown>>, body: string): boolean {
  const lines = body.split('\n');
  const top = readDeckCommands(lines);
  if (Object.keys(meta).length === 0 && Object.keys(top.values).some((k) => DECKSET_ONLY.has(k))) return true;
  const inFence = fenceTracker();
  return lines.some((line) => !inFence(line) && (/^\s*\[\.(build-lists|column|background-color|hide-footer|slidenumbers|footer|text|header|code-highlight|autoscale|slide-transition|background-image)(:|\])/.test(line) || /^\^ \S/.test(line) || /^#{1,6}\s+\[fit\]\s/i.test(line)));
}

export const deckset: Dialect = {
  name: 'deckset',
  label: 'Deckset',
  detect: looksLikeDeckset,
  read: (lines, firstLine) => {
    try {
      return readDeckset(lines, firstLine);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      return { slides: readLecternSlides(lines, firstLine), dropped: [{ line: firstLine, what: `Deckset reading failed (${why}); the deck is read as Lectern Markdown` }] };
    }
  },
};
