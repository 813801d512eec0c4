/**
 * remark's inline extensions in a slide's Markdown (gnab/remark src/remark/lexer.js): content
 * classes `.red[text]` / `.left-column[ … ]` (a span or, spanning lines, a div with that class)
 * and macros `![:scale 50%](img.png)`. Lectern keeps their content: `.left-column` /
 * `.right-column` (remark's sample deck) and `.pull-left` / `.pull-right` (xaringan) become its
 * two columns, any other class is unwrapped and reported.
 */
import { fenceTracker } from '../scan.js';
import type { Dropped } from './types.js';

// lexer.js CONTENT: an optional escaping backslash, one or more `.class` names, then `[`
const CONTENT_CLASS = /(\\)?((?:\.[a-zA-Z_-][a-zA-Z0-9_-]*)+)\[/g;
// lexer.js MACRO: `![:name args](obj)`
const MACRO = /!\[:([^\] ]+)([^\]]*)\](?:\(([^)]*)\))?/g;
const IMAGE_FILE = /\.(png|jpe?g|gif|webp|avif|svg)$/i;
const LEFT = new Set(['left-column', 'pull-left']);
const RIGHT = new Set(['right-column', 'pull-right']);

interface Edit {
  at: number;
  length: number;
  text: string;
}

/** Offsets of `text` inside fenced code or inline code spans, where remark's extensions do not apply. */
function protectedRanges(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const inFence = fenceTracker();
  let offset = 0;
  for (const line of text.split('\n')) {
    if (inFence(line)) ranges.push([offset, offset + line.length]);
    else for (const code of line.matchAll(/`+[^`]*?`+/g)) ranges.push([offset + code.index, offset + code.index + code[0].length]);
    offset += line.length + 1;
  }
  return ranges;
}

/** The index of the `]` closing a bracket opened just before `from` (remark's getTextInBrackets), or -1. */
function closingBracket(text: string, from: number): number {
  let depth = 1;
  for (let pos = from; pos < text.length; pos++) {
    if (text[pos] === '[') depth++;
    else if (text[pos] === ']' && --depth === 0) return pos;
  }
  return -1;
}

/** The slide text with content classes and macros translated; `firstLine` is the file line of its first line, for reports. */
export function translateRemarkContent(text: string, firstLine: number, dropped: Dropped[]): string {
  const ranges = protectedRanges(text);
  const isProtected = (at: number) => ranges.some(([from, to]) => at >= from && at < to);
  const lineOf = (at: number) => firstLine + (text.slice(0, at).match(/\n/g)?.length ?? 0);
  const edits: Edit[] = [];
  const reported = new Set<string>();

  for (const match of text.matchAll(CONTENT_CLASS)) {
    const at = match.index;
    if (isProtected(at)) continue;
    const open = at + match[0].length;
    const close = closingBracket(text, open);
    if (close < 0) continue;
    if (match[1]) {
      // `\.red[x]` is remark's escape: shown as written, without the backslash
      edits.push({ at, length: 1, text: '' });
      continue;
    }
    const classes = match[2]!.slice(1).split('.');
    const block = text.slice(open, close).includes('\n');
    let opening = '';
    if (block && classes.some((c) => LEFT.has(c))) opening = '\n\n::left::\n\n';
    else if (block && classes.some((c) => RIGHT.has(c))) opening = '\n\n::right::\n\n';
    else {
      // `.red[*] text` at a line's start is a span, not a list item: keep it from reading as one
      const lineStart = /^(?:\\?(?:\.[a-zA-Z_-][\w-]*)+\[)*$/.test(text.slice(text.lastIndexOf('\n', at - 1) + 1, at));
      if (!block && lineStart && /^(?:[-*+#>]|\d+[.)])/.test(text.slice(open, close))) opening = '\\';
      const name = classes.map((c) => `.${c}`).join('');
      if (!reported.has(name)) {
        reported.add(name);
        dropped.push({ line: lineOf(at), what: `${name}[…] (a remark content class): its content is shown without the class` });
      }
    }
    edits.push({ at, length: match[0].length, text: opening }, { at: close, length: 1, text: '' });
  }

  for (const match of text.matchAll(MACRO)) {
    if (isProtected(match.index)) continue;
    const target = (match[3] ?? '').trim();
    dropped.push({ line: lineOf(match.index), what: `![:${match[1]}${match[2]}] (a remark macro): ${IMAGE_FILE.test(target) ? 'the image is shown at its own size' : 'not shown'}` });
    edits.push({ at: match.index, length: match[0].length, text: IMAGE_FILE.test(target) ? `![](${target})` : '' });
  }

  let out = text;
  for (const edit of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, edit.at) + edit.text + out.slice(edit.at + edit.length);
  return out;
}

/** remark's `{{ name }}`: a slide property's value; `\{{x}}` stays as written; an unknown name is left as is. */
export function expandProperties(text: string, properties: Readonly<Record<string, string>>): string {
  return text.replace(/(\\)?(\{\{([^}\n]+)\}\})/g, (match, escaped: string | undefined, unescaped: string, name: string) => {
    if (escaped) return unescaped;
    const value = properties[name.trim()];
    if (value !== undefined) return value;
    return name.trim() === 'content' ? '' : match;
  });
}
