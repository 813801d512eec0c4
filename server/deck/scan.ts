/** Line-level Markdown scanning shared by the splitter and the notes extractor: fences and HTML comments. */

// CommonMark: up to 3 spaces of indent (4 is indented code), then 3+ backticks or tildes.
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;

/** Returns a function that, fed lines in order, tells whether each line belongs to a fenced code block. */
export function fenceTracker(): (line: string) => boolean {
  let open: { char: string; length: number } | null = null;
  return (line) => {
    if (open) {
      const close = FENCE_CLOSE.exec(line)?.[1];
      // Closing fence: same character, at least as long as the opener.
      if (close && close[0] === open.char && close.length >= open.length) open = null;
      return true;
    }
    const m = FENCE_OPEN.exec(line);
    const marker = m?.[1];
    if (!m || !marker) return false;
    // A backtick fence's info string may not contain backticks (that is inline code instead).
    if (marker[0] === '`' && (m[2] ?? '').includes('`')) return false;
    open = { char: marker[0] ?? '`', length: marker.length };
    return true;
  };
}

/** Index of the next `<!--` at or after `from` that is not inside an inline code span, or -1. */
export function commentStart(line: string, from: number): number {
  let at = line.indexOf('<!--', from);
  while (at >= 0) {
    // An odd number of backticks before it means we are inside `code` — not a comment.
    const ticks = line.slice(0, at).split('`').length - 1;
    if (ticks % 2 === 0) return at;
    at = line.indexOf('<!--', at + 4);
  }
  return -1;
}

/** Whether an HTML comment is still open at the end of `line`, given whether one was open at its start. */
export function commentOpenAfter(line: string, openAtStart: boolean): boolean {
  let open = openAtStart;
  let pos = 0;
  for (;;) {
    if (open) {
      const end = line.indexOf('-->', pos);
      if (end < 0) return true;
      open = false;
      pos = end + 3;
    } else {
      const start = commentStart(line, pos);
      if (start < 0) return false;
      open = true;
      pos = start + 4;
    }
  }
}

/** Start/end offsets of inline code spans in a line: tags and `{{ }}` there are code, not markup. */
export function codeSpans(line: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = /(`+)[\s\S]*?[^`]\1(?!`)|(`+)\2?/g;
  for (const m of line.matchAll(re)) if (m[1]) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/** The line with HTML comments blanked (outside inline code); `open` says whether one runs on from before. */
export function stripComments(line: string, open: boolean): { text: string; open: boolean } {
  let out = '';
  let pos = 0;
  for (;;) {
    if (open) {
      const end = line.indexOf('-->', pos);
      if (end < 0) return { text: out, open: true };
      open = false;
      pos = end + 3;
    } else {
      const start = commentStart(line, pos);
      if (start < 0) return { text: out + line.slice(pos), open: false };
      out += line.slice(pos, start);
      open = true;
      pos = start + 4;
    }
  }
}
