/**
 * Marp decks (Marpit 3.x, marp-core, marp-cli). The deck is tokenized with markdown-it as Marpit
 * does, so a slide ends exactly where Marp's does: at every top-level thematic break (`---`,
 * `***`, `___`, `- - -`; not a setext underline, not in code) and, with `headingDivider`, before
 * each heading of those levels. Every HTML comment that is not a directive is a speaker note;
 * directives become slide settings with Marpit's inheritance (marp-directives.ts).
 */
import MarkdownItCtor from 'markdown-it';
import type { MarkdownIt, StateBlock, StateInline, Token } from 'markdown-it';
import { readLecternSlides } from '../parse.js';
import { GLOBAL_DIRECTIVES, LocalDirectiveCursor, headingLevels, readDirectiveComment, settingsFromDirectives, unsupportedDirectives } from './marp-directives.js';
import { INLINE_IMAGE, pixels, readMarpImage } from './marp-images.js';
import type { Dialect, DialectResult, DialectSlide, Dropped, SlideSettings } from './types.js';

/** A comment as Marpit's comment plugin finds it. */
interface MarpComment {
  content: string;
  markup: string;
  /** 0-based line in the body where it starts (an inline comment: its paragraph's first line). */
  line: number;
  /** Lines [from, to) it occupies as a block of its own, or null for a comment inside a paragraph or heading. */
  blockLines: [number, number] | null;
  /** Inline comments: the lines [from, to) of the paragraph or heading holding it. */
  inlineLines: [number, number] | null;
  /** The heading it sits in (for `# <!--fit--> Title`). */
  heading: [number, number] | null;
}

/** Everything in the token stream a Marp reading needs, with 0-based body lines. */
interface MarpScan {
  comments: MarpComment[];
  /** Top-level thematic breaks: each ends a slide. */
  breaks: number[];
  headings: { line: number; level: number; afterContent: boolean }[];
  /** Lines of `<style>` blocks: Marp's theme CSS, never slide content. */
  styleBlocks: [number, number][];
  /** First lines of list items by their marker: `*` and `1)` items build one by one in Marp. */
  items: { line: number; markup: string; paragraphEnd: number | null }[];
  /** Lines in fenced or indented code: no image or comment there is Marp syntax. */
  code: Set<number>;
}

const COMMENT = /<!--+\s*([\s\S]*?)\s*--+>/;

/** Marpit's block comment rule (comment.js): a line starting `<!--` runs to the line holding `-->`. */
function blockComment(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const start = state.bMarks[startLine]! + state.tShift[startLine]!;
  const first = state.src.slice(start, state.eMarks[startLine]);
  if (!first.startsWith('<!--')) return false;
  if (silent) return true;
  let next = startLine + 1;
  if (!first.includes('-->')) {
    while (next < endLine) {
      if (state.sCount[next]! < state.blkIndent) break;
      const line = state.src.slice(state.bMarks[next]! + state.tShift[next]!, state.eMarks[next]);
      next += 1;
      if (line.includes('-->')) break;
    }
  }
  state.line = next;
  const token = state.push('marpit_comment', '', 0);
  token.map = [startLine, next];
  token.markup = state.getLines(startLine, next, state.blkIndent, true);
  token.hidden = true;
  token.content = COMMENT.exec(token.markup)?.[1]?.trim() ?? '';
  return true;
}

/** Marpit's inline comment rule: a closed `<!-- … -->` inside a paragraph or heading. */
function inlineComment(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x3c || state.src.charCodeAt(state.pos + 1) !== 0x21) return false;
  const match = COMMENT.exec(state.src.slice(state.pos));
  if (!match || match.index !== 0) return false;
  if (!silent) {
    const token = state.push('marpit_comment', '', 0);
    token.hidden = true;
    token.markup = match[0];
    token.content = (match[1] ?? '').trim();
  }
  state.pos += match[0].length;
  return true;
}

let parser: MarkdownIt | undefined;

/** markdown-it as Marpit configures it ('commonmark', raw HTML on), with its comment rules. */
function marpParser(): MarkdownIt {
  if (!parser) {
    const md = MarkdownItCtor('commonmark');
    md.block.ruler.before('html_block', 'marpit_comment', blockComment);
    md.inline.ruler.before('html_inline', 'marpit_inline_comment', inlineComment);
    parser = md;
  }
  return parser;
}

function scan(source: string): MarpScan {
  const tokens = marpParser().parse(source, {});
  const found: MarpScan = { comments: [], breaks: [], headings: [], styleBlocks: [], items: [], code: new Set() };
  let seenContent = false;
  let heading: [number, number] | null = null;
  tokens.forEach((token: Token, i: number) => {
    const map = token.map as [number, number] | null;
    switch (token.type) {
      case 'hr':
        if (token.level === 0 && map) found.breaks.push(map[0]);
        break;
      case 'heading_open':
        heading = map;
        if (map) found.headings.push({ line: map[0], level: Number(token.tag.slice(1)), afterContent: seenContent });
        break;
      case 'heading_close':
        heading = null;
        break;
      case 'fence':
      case 'code_block':
        if (map) for (let l = map[0]; l < map[1]; l++) found.code.add(l);
        break;
      case 'html_block':
        if (map && /^\s*<style[\s>]/i.test(token.content)) found.styleBlocks.push(map);
        break;
      case 'list_item_open': {
        const next = tokens[i + 1];
        const paragraphEnd = next?.type === 'paragraph_open' && next.map ? next.map[1] - 1 : null;
        if (map) found.items.push({ line: map[0], markup: token.markup, paragraphEnd });
        break;
      }
      case 'marpit_comment':
        if (map) found.comments.push({ content: token.content, markup: token.markup, line: map[0], blockLines: map, inlineLines: null, heading: null });
        break;
      case 'inline':
        for (const child of token.children ?? []) {
          if (child.type === 'marpit_comment' && map) {
            found.comments.push({ content: child.content, markup: child.markup, line: map[0], blockLines: null, inlineLines: map, heading });
          }
        }
        break;
    }
    // Marpit's heading divider splits before a heading only once something visible came before it
    if (!token.hidden) seenContent = true;
  });
  return found;
}

/** Removes `markup` from lines [from, to) at or after the previous removal, keeping the line count. */
function cut(out: string[], [from, to]: [number, number], markup: string): void {
  const text = out.slice(from, to).join('\n');
  const at = text.indexOf(markup);
  if (at < 0) return;
  const kept = text.slice(0, at) + '\n'.repeat(markup.split('\n').length - 1) + text.slice(at + markup.length);
  kept.split('\n').forEach((line, i) => (out[from + i] = line));
}

const FRAGMENT_MARKER = ' <!-- .element: class="fragment" -->';

/** Rewrites a slide's images: the first `![bg]` becomes its background (or its split image), sizes become `|WxH`. */
function readImages(body: string[], start: number, code: Set<number>, firstLine: number, dropped: Dropped[]): SlideSettings {
  const settings: SlideSettings = {};
  let backgrounds = 0;
  body.forEach((line, i) => {
    if (code.has(start + i) || !line.includes('![')) return;
    const drop = (what: string) => dropped.push({ line: firstLine + start + i, what });
    body[i] = line.replace(INLINE_IMAGE, (whole: string, alt: string, rawSrc: string, title: string | undefined, offset: number) => {
      // inside `inline code` it is text
      if ((line.slice(0, offset).split('`').length - 1) % 2 === 1) return whole;
      const src = rawSrc.startsWith('<') ? rawSrc.slice(1, -1) : rawSrc;
      const image = readMarpImage(alt);
      if (image.filters.length) drop(`![${alt}] filter ${image.filters.join(' ')}: Lectern shows the image unfiltered`);
      if (image.background) {
        if (src.trim() === '') return '';
        backgrounds += 1;
        if (backgrounds > 1) {
          drop(`![${alt}](${src}): multiple backgrounds; Lectern shows the slide's first one only`);
          return '';
        }
        if (image.split) {
          settings.layout = image.split === 'left' ? 'image-left' : 'image-right';
          settings.image = src;
          if (image.splitSize) settings.split = image.splitSize;
        } else {
          settings.background = src;
          if (image.size && image.size !== 'cover') drop(`![${alt}](${src}): background size ${image.size}; Lectern covers the slide`);
        }
        return '';
      }
      const width = pixels(image.width);
      const height = pixels(image.height);
      if (image.width && width === null) drop(`![${alt}](${src}) width ${image.width}: Lectern sizes images in px`);
      if (image.height && (height === null || width === null)) drop(`![${alt}](${src}) height ${image.height}: Lectern sets a height only with a width in px`);
      if (width === null) return image.alt === alt ? whole : `![${image.alt}](${rawSrc}${title ?? ''})`;
      const size = height === null ? `${width}` : `${width}x${height}`;
      return `![${image.alt}|${size}](${rawSrc}${title ?? ''})`;
    });
  });
  return settings;
}

function readMarp(lines: readonly string[], firstLine: number, meta: Readonly<Record<string, unknown>>): DialectResult {
  const dropped: Dropped[] = [];
  const found = scan(lines.join('\n'));
  const out = [...lines];

  // directives and notes
  const directives = new Map<MarpComment, Record<string, unknown>>();
  const notes = new Map<MarpComment, string>();
  const globals: Record<string, unknown> = {};
  const fitHeadings: [number, number][] = [];
  for (const comment of found.comments) {
    const read = readDirectiveComment(comment.content);
    if (read && read !== 'magic') {
      directives.set(comment, read);
      for (const [key, value] of Object.entries(read)) if (GLOBAL_DIRECTIVES.has(key)) globals[key] = value;
    } else if (comment.content === 'fit' && comment.heading) fitHeadings.push(comment.heading);
    else if (read !== 'magic') notes.set(comment, comment.content);
    if (comment.blockLines) for (let l = comment.blockLines[0]; l < comment.blockLines[1]; l++) out[l] = '';
    else if (comment.inlineLines) cut(out, comment.inlineLines, comment.markup);
  }

  for (const [from, to] of found.styleBlocks) {
    for (let l = from; l < to; l++) out[l] = '';
    dropped.push({ line: firstLine + from, what: '<style> (Marp theme CSS): not applied; a deck stylesheet is css: style.css' });
  }

  for (const item of found.items) {
    const line = out[item.line] ?? '';
    // `*` builds in Marp and `+` does not: Lectern reads them the other way round
    if (item.markup === '*') out[item.line] = line.replace(/^((?:\s*>)*\s*)\*/, '$1+');
    else if (item.markup === '+') out[item.line] = line.replace(/^((?:\s*>)*\s*)\+/, '$1-');
    else if (item.markup === ')' && item.paragraphEnd !== null) out[item.paragraphEnd] = `${out[item.paragraphEnd] ?? ''}${FRAGMENT_MARKER}`;
  }

  // where slides start: after each top-level break, and before divider headings
  const levels = headingLevels('headingDivider' in globals ? globals['headingDivider'] : meta['headingDivider']);
  const starts = new Map<number, number>();
  for (const line of found.breaks) starts.set(line, line + 1);
  if (levels) for (const h of found.headings) if (h.afterContent && levels.includes(h.level)) starts.set(h.line, h.line);
  const boundaries = [...starts.entries()].sort((a, b) => a[0] - b[0]);
  const segments: [number, number][] = [];
  let from = 0;
  for (const [end, next] of boundaries) {
    segments.push([from, end]);
    from = next;
  }
  segments.push([from, lines.length]);

  const cursor = new LocalDirectiveCursor();
  const frontMatter = Object.fromEntries(Object.entries(meta).filter(([key]) => key !== 'marp'));
  cursor.apply(frontMatter);
  unsupportedDirectives(frontMatter, 1, dropped);
  const slides: DialectSlide[] = segments.map(([start, end]) => {
    const slideNotes: string[] = [];
    for (const comment of found.comments) {
      if (comment.line < start || comment.line >= end) continue;
      const obj = directives.get(comment);
      if (obj) {
        cursor.apply(obj);
        unsupportedDirectives(obj, firstLine + comment.line, dropped);
      }
      const note = notes.get(comment);
      if (note) slideNotes.push(note);
    }
    const settings = settingsFromDirectives(cursor.closeSlide());
    const body = out.slice(start, end);
    const fromImages = readImages(body, start, found.code, firstLine, dropped);
    Object.assign(settings, fromImages);
    // `# <!--fit--> Title` (marp-core's fitting header)
    for (const [hFrom, hTo] of fitHeadings.filter(([h]) => h >= start && h < end).reverse()) {
      body.splice(hTo - start, 0, ':::');
      body.splice(hFrom - start, 0, '::: fit');
    }
    return { body: body.join('\n'), notes: slideNotes.join('\n\n'), settings, line: firstLine + start };
  });

  const deckMeta: Record<string, unknown> = {};
  for (const key of ['theme', 'size', 'title', 'author', 'description', 'lang'] as const) {
    if (key in globals) deckMeta[key] = globals[key];
  }
  // Marp renders a blank file as one empty slide; Lectern says the deck has no slides
  if (lines.every((l) => l.trim() === '')) return { slides: [], dropped, meta: deckMeta };
  return { slides, dropped, meta: deckMeta };
}

// A spot directive (`<!-- _class: lead -->`) is Marp's own spelling; no other tool writes it.
const SPOT_DIRECTIVE = /<!--\s*_(class|paginate|backgroundColor|backgroundImage|color|header|footer)\s*:/;

export const marp: Dialect = {
  name: 'marp',
  label: 'Marp',
  detect: (meta, body) => meta['marp'] === true || meta['marp'] === 'true' || 'headingDivider' in meta || SPOT_DIRECTIVE.test(body),
  read: (lines, firstLine, meta) => {
    try {
      return readMarp(lines, firstLine, meta);
    } catch (err) {
      // a bug here must not take the talk off the air: Lectern's own reading instead
      const why = err instanceof Error ? err.message : String(err);
      return { slides: readLecternSlides(lines, firstLine), dropped: [{ line: firstLine, what: `Marp reading failed (${why}); the deck is read as Lectern Markdown` }] };
    }
  },
};
