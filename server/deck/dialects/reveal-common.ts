/**
 * What reveal.js markdown and Obsidian Advanced Slides share: both hand the file to reveal.js's
 * markdown plugin (`plugin/markdown/plugin.js`, `slidify`), which splits the whole text with a
 * horizontal and a vertical separator regex, cuts a slide's notes at the notes regex, and reads
 * `<!-- .slide: … -->` / `<!-- .element: … -->` comments as attributes for the slide or the
 * element before them. The two flavours differ in their default regexes and comment spelling.
 */
import { commentOpenAfter, commentStart, fenceTracker } from '../scan.js';
import { applySlideAnnotation, elementMarker, type Annotation } from './reveal-annotations.js';
import type { DialectResult, DialectSlide, Dropped, SlideSettings } from './types.js';

/** How one tool reads a deck: its default regexes (as reveal's plugin gets them) and comment spelling. */
export interface RevealFlavour {
  /** Tool name for messages: "reveal.js", "Advanced Slides". */
  tool: string;
  /** Regex source between horizontal slides, matched across the whole text with flags `mg`. */
  separator: string;
  /** Regex source between vertical slides, or null for none. */
  verticalSeparator: string | null;
  /** Regex source where a slide's speaker notes start (flags `mi`). */
  notesSeparator: string;
  /** A comment's text (between `<!--` and `-->`) → a slide or element annotation, or null for a plain comment. */
  annotation(comment: string): Annotation | null;
  /** Tool-specific rewriting of a slide's body lines outside fenced code (Obsidian embeds, wikilinks…). */
  translate?(lines: string[], line: number, dropped: Dropped[]): string[];
}

/** Offsets of each line's start in `text` (lines split on \n). */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** For each line: whether it lies in fenced code or inside an HTML comment, where no separator counts. */
function protectedLines(lines: readonly string[]): boolean[] {
  const inFence = fenceTracker();
  let inComment = false;
  return lines.map((line) => {
    const wasInComment = inComment;
    const fenced = !inComment && inFence(line);
    if (!fenced) inComment = commentOpenAfter(line, inComment);
    return fenced || wasInComment;
  });
}

/**
 * Matches of `pattern` (global) in `text` that touch no protected line. A line is touched by the
 * characters of the match on it; an empty line, when the match spans its start.
 */
function freeMatches(text: string, pattern: RegExp, isProtected: readonly boolean[], starts: readonly number[]): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  pattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text))) {
    const start = match.index;
    const end = start + match[0].length;
    if (end === start) {
      // reveal's loop would spin forever on an empty match; Lectern steps over it
      pattern.lastIndex++;
      continue;
    }
    let touchesProtected = false;
    for (let l = lineAt(starts, start); l < starts.length && starts[l]! < end; l++) {
      const lineStart = starts[l]!;
      const lineEnd = (starts[l + 1] ?? text.length + 1) - 1;
      const touched = lineEnd > lineStart ? start < lineEnd && end > lineStart : start <= lineStart && end > lineStart;
      if (touched && isProtected[l]) touchesProtected = true;
    }
    if (!touchesProtected) found.push(match);
  }
  return found;
}

/** A user's regex source from the front matter, or null (reported) when it is not one. */
function userRegex(meta: Readonly<Record<string, unknown>>, key: string, dropped: Dropped[]): string | null | undefined {
  const value = meta[key];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') {
    dropped.push({ line: 1, what: `${key}: ${JSON.stringify(value)} is not a regular expression; the default is used` });
    return null;
  }
  try {
    new RegExp(value, 'mg');
    return value;
  } catch {
    dropped.push({ line: 1, what: `${key}: ${JSON.stringify(value)} is not a valid regular expression; the default is used` });
    return null;
  }
}

interface Piece {
  text: string;
  /** Offset of the piece in the whole text. */
  offset: number;
}

/** reveal's `slidify`: horizontal groups, each a slide or a stack of vertical slides. */
function slidify(text: string, separator: RegExp, vertical: RegExp | null, lines: readonly string[]): Piece[][] {
  const starts = lineStarts(text);
  const isProtected = protectedLines(lines);
  const both = new RegExp(separator.source + (vertical ? `|${vertical.source}` : ''), 'mg');
  const horizontal = new RegExp(separator.source, 'm');
  const groups: Piece[][] = [];
  let previousWasHorizontal = true;
  let from = 0;
  for (const match of freeMatches(text, both, isProtected, starts)) {
    const isHorizontal = horizontal.test(match[0]);
    const piece = { text: text.slice(from, match.index), offset: from };
    // a vertical separator after a horizontal one opens a stack holding the piece before it
    if (!isHorizontal && previousWasHorizontal) groups.push([piece]);
    else if (isHorizontal && previousWasHorizontal) groups.push([piece]);
    else groups[groups.length - 1]!.push(piece);
    from = match.index + match[0].length;
    previousWasHorizontal = isHorizontal;
  }
  const last = { text: text.slice(from), offset: from };
  if (previousWasHorizontal) groups.push([last]);
  else groups[groups.length - 1]!.push(last);
  return groups;
}

/** Splits a slide's text where its notes start (the first notes match outside fenced code). */
function splitNotes(text: string, notes: RegExp): { body: string; notes: string } {
  const lines = text.split('\n');
  const starts = lineStarts(text);
  const inFence = fenceTracker();
  const fenced = lines.map((line) => inFence(line));
  const match = freeMatches(text, new RegExp(notes.source, 'gmi'), fenced, starts)[0];
  if (!match) return { body: text, notes: '' };
  return { body: text.slice(0, match.index), notes: text.slice(match.index + match[0].length).trim() };
}

interface ReadSlide extends DialectSlide {
  hidden: boolean;
}

/**
 * One slide's body: annotations read (and removed, or kept as Lectern's step marker), other
 * comments left as they are (invisible, as in reveal.js), then the flavour's own rewriting.
 */
function readSlideBody(body: string, line: number, flavour: RevealFlavour, dropped: Dropped[]): { body: string; settings: SlideSettings; hidden: boolean } {
  const settings: SlideSettings = {};
  let hidden = false;
  const lines = body.split('\n');
  const out: string[] = [];
  const inFence = fenceTracker();
  let comment: { text: string[]; startLine: number; before: string } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (!comment && inFence(text)) {
      out.push(text);
      continue;
    }
    let kept = comment ? comment.before : '';
    let pos = 0;
    let pendingNewlines = 0;
    while (pos <= text.length) {
      if (comment) {
        const end = text.indexOf('-->', pos);
        comment.text.push(text.slice(pos, end < 0 ? undefined : end));
        if (end < 0) break;
        const inner = comment.text.join('\n');
        const at = line + comment.startLine;
        const annotation = flavour.annotation(inner);
        if (!annotation) kept += `<!--${inner}-->`;
        else if (annotation.target === 'slide') hidden = applySlideAnnotation(annotation.attributes, settings, at, flavour.tool, dropped).hidden || hidden;
        else kept += elementMarker(annotation.attributes, at, flavour.tool, dropped);
        // the lines a removed multi-line comment spanned stay, empty: later lines keep their numbers
        if (annotation) pendingNewlines += comment.text.length - 1;
        comment = null;
        pos = end + 3;
      } else {
        const start = commentStart(text, pos);
        kept += text.slice(pos, start < 0 ? undefined : start);
        if (start < 0) break;
        comment = { text: [], startLine: i, before: '' };
        pos = start + 4;
      }
    }
    if (comment) {
      // the comment goes on: what came before it on its first line waits with it
      if (comment.startLine === i) comment.before = kept;
      continue;
    }
    const produced = kept.split('\n');
    for (let n = 0; n < pendingNewlines; n++) produced.push('');
    // a line that held only an annotation becomes blank, never stray spaces
    out.push(...produced.map((l) => (l.trim() === '' ? '' : l)));
  }
  // An unclosed comment runs to the end of the slide, as in HTML: kept as it was, invisible.
  if (comment) out.push(`${comment.before}<!--${comment.text.join('\n')}`);
  const translated = flavour.translate ? flavour.translate(out, line, dropped) : out;
  return { body: translated.join('\n'), settings, hidden };
}

/** Reads a deck the way reveal.js's markdown plugin splits it, through a flavour's defaults and spelling. */
export function readRevealDeck(lines: readonly string[], firstLine: number, meta: Readonly<Record<string, unknown>>, flavour: RevealFlavour): DialectResult {
  const dropped: Dropped[] = [];
  const separator = new RegExp(userRegex(meta, 'separator', dropped) ?? flavour.separator, 'mg');
  const verticalSource = userRegex(meta, 'verticalSeparator', dropped) ?? flavour.verticalSeparator;
  const vertical = verticalSource ? new RegExp(verticalSource, 'mg') : null;
  const notes = new RegExp(userRegex(meta, 'notesSeparator', dropped) ?? flavour.notesSeparator, 'mi');

  const text = lines.join('\n');
  const starts = lineStarts(text);
  const stacks: ReadSlide[][] = slidify(text, separator, vertical, lines).map((stack) =>
    stack.map((piece) => {
      const line = firstLine + lineAt(starts, piece.offset);
      const split = splitNotes(piece.text, notes);
      const read = readSlideBody(split.body, line, flavour, dropped);
      // annotations are attributes, never notes
      const cleanNotes = split.notes.replace(/<!--\s*\.?(slide|element)\b[\s\S]*?-->/g, '').trim();
      return { body: read.body, notes: cleanNotes, settings: read.settings, line, hidden: read.hidden };
    }),
  );

  // reveal.js removes hidden slides before numbering; a blank piece before the first slide or after the last is no slide
  const visible = stacks.map((stack) => stack.filter((slide) => !slide.hidden)).filter((stack) => stack.length);
  const isBlank = (stack: ReadSlide[]) => stack.length === 1 && stack[0]!.body.trim() === '' && stack[0]!.notes === '' && Object.keys(stack[0]!.settings).length === 0;
  while (visible.length && isBlank(visible[0]!)) visible.shift();
  while (visible.length && isBlank(visible[visible.length - 1]!)) visible.pop();

  const hasVertical = visible.some((stack) => stack.length > 1);
  const slides: DialectSlide[] = [];
  visible.forEach((stack, h) => {
    stack.forEach(({ hidden: _hidden, ...slide }, v) => {
      slides.push(hasVertical ? { ...slide, label: v === 0 ? `${h + 1}` : `${h + 1}.${v}` } : slide);
    });
  });
  return { slides, dropped };
}

/** The file's lines outside fenced code, inline code removed: what detection may look at. */
export function proseOf(body: string): string {
  const inFence = fenceTracker();
  return body
    .split('\n')
    .filter((line) => !inFence(line))
    .map((line) => line.replace(/(`+)[^`]*?\1/g, ''))
    .join('\n');
}
