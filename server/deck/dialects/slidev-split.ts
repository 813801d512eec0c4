/**
 * Slidev's slide splitting, as @slidev/parser's `parse()` does it (core.mjs, v52): a line starting
 * with `---` ends a slide, outside ``` code blocks and HTML comments; when such a line (not
 * `----`) is followed directly by a non-blank line, everything up to the next line that is exactly
 * `---` is the new slide's front matter, never a slide of its own. A slide without it may open
 * with a ```yaml block instead (block front matter). Pure, never throws.
 */

/** One slide as Slidev cuts it: its front matter lines (if any) and its content lines. */
export interface RawSlide {
  /** The front matter's YAML text; null when the slide has none of its own. */
  frontMatter: string | null;
  /** 0-based index in `lines` of the front matter's first YAML line. */
  frontMatterAt: number;
  /** Whether the front matter was a ```yaml block at the top of the content. */
  yamlBlock: boolean;
  /** 0-based index in `lines` of the first content line. */
  contentAt: number;
  content: string[];
  /** The front matter block had no closing `---`: read as content instead. */
  unclosed: boolean;
}

const LEADING_BACKTICKS = /^\s*(`{3,}|~{3,})/;
const YAML_BLOCK_OPEN = /^\s*```ya?ml\b/;

/** Whether an HTML comment is open at the end of `line` (Slidev's advanceHtmlCommentState). */
function commentOpenAfter(line: string, open: boolean): boolean {
  let cursor = 0;
  while (cursor < line.length) {
    if (open) {
      const end = line.indexOf('-->', cursor);
      if (end < 0) return true;
      open = false;
      cursor = end + 3;
    } else {
      const start = line.indexOf('<!--', cursor);
      if (start < 0) return false;
      const end = line.indexOf('-->', start + 4);
      if (end < 0) return true;
      cursor = end + 3;
    }
  }
  return open;
}

/**
 * Splits the lines after the deck's headmatter. `hasHeadmatter`: the first slide exists even when
 * empty (the headmatter is its front matter), as in Slidev.
 */
export function splitSlidevSlides(lines: readonly string[], hasHeadmatter: boolean): RawSlide[] {
  const slides: RawSlide[] = [];
  let start = 0;
  let contentAt = 0;
  let frontMatter: { at: number; end: number } | null = null;
  let unclosed = false;
  let inComment = false;
  // Slidev skips a slice of no lines; with headmatter the first slice starts at the headmatter.
  let firstHasLines = hasHeadmatter;
  const slice = (end: number) => {
    if (start === end && !(slides.length === 0 && firstHasLines)) return;
    firstHasLines = false;
    slides.push(makeSlide(lines, frontMatter, contentAt, end, unclosed, !(slides.length === 0 && hasHeadmatter)));
    start = end + 1;
    contentAt = end + 1;
    frontMatter = null;
    unclosed = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const line = raw.trimEnd();
    if (inComment) {
      inComment = commentOpenAfter(raw, true);
      continue;
    }
    if (line.startsWith('---')) {
      slice(i);
      const next = lines[i + 1];
      if (line[3] !== '-' && next !== undefined && next.trim() !== '') {
        start = i;
        let close = i + 1;
        while (close < lines.length && (lines[close] ?? '').trimEnd() !== '---') close++;
        if (close < lines.length) {
          frontMatter = { at: i + 1, end: close };
          contentAt = close + 1;
          i = close;
        } else {
          // No closing line: Slidev would swallow the rest; we keep it as the slide's content.
          unclosed = true;
          contentAt = i + 1;
        }
      }
      continue;
    }
    const fence = LEADING_BACKTICKS.exec(line);
    if (fence) {
      // Slidev closes a code block at the next line starting with the same indent and marker.
      const level = (line.match(/^\s*/)?.[0] ?? '') + fence[1]!;
      let j = i + 1;
      while (j < lines.length && !(lines[j] ?? '').startsWith(level)) j++;
      if (j < lines.length) {
        i = j;
        continue;
      }
    }
    inComment = commentOpenAfter(raw, false);
  }
  if (start <= lines.length - 1 || (slides.length === 0 && firstHasLines)) slice(lines.length);
  return slides;
}

function makeSlide(lines: readonly string[], frontMatter: { at: number; end: number } | null, contentAt: number, end: number, unclosed: boolean, yamlBlockAllowed: boolean): RawSlide {
  let content = lines.slice(contentAt, end);
  if (frontMatter) {
    return { frontMatter: lines.slice(frontMatter.at, frontMatter.end).join('\n'), frontMatterAt: frontMatter.at, yamlBlock: false, contentAt, content, unclosed };
  }
  // Block front matter: a ```yaml block first in the content (after blank lines); not on the
  // first slide when the deck has headmatter (Slidev reads one front matter per slide).
  const first = content.findIndex((l) => l.trim() !== '');
  if (yamlBlockAllowed && first >= 0 && YAML_BLOCK_OPEN.test(content[first]!)) {
    const close = content.findIndex((l, k) => k > first && /^\s*```/.test(l));
    if (close > first) {
      const yaml = content.slice(first + 1, close).join('\n');
      // keep the line count: the block's lines become blank
      content = content.map((l, k) => (k >= first && k <= close ? '' : l));
      return { frontMatter: yaml, frontMatterAt: contentAt + first + 1, yamlBlock: true, contentAt, content, unclosed };
    }
  }
  return { frontMatter: null, frontMatterAt: contentAt, yamlBlock: false, contentAt, content, unclosed };
}
