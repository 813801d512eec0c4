/**
 * markdown-it plugin for the step markup dialects translate into (dialects/types.ts):
 *
 * - fenced divs `::: fragment`, `::: incremental` and `::: fit` (markdown-it-container);
 * - `<!-- .element: class="fragment" -->` (reveal.js; Obsidian writes `<!-- element … -->`): the
 *   marker is removed and the block it belongs to is flagged `meta.fragment`, which steps.ts
 *   reads: inline at the end of a paragraph or list item it marks that item or paragraph, alone
 *   on its line after a block it marks that block (as reveal.js applies it to the element before);
 * - a raw HTML block whose first tag has `class="… fragment …"` is a fragment too;
 * - every other HTML comment is dropped from the slide: a comment is the speaker's, never a phone's.
 *
 * Fragments count only where a build can hide them: a top-level block or an item of a top-level
 * list. A marker deeper inside (a paragraph in a quote) marks the top-level block around it.
 */
import container from 'markdown-it-container';
import type { MarkdownIt, StateCore, Token } from 'markdown-it';

/** The fenced-div names Lectern reads; anything else after `:::` stays text. */
export const STEP_CONTAINERS = ['fragment', 'incremental', 'fit'] as const;

const MARKER = /^<!--\s*\.?element:?\s([^>]*?)-->$/;
const COMMENT_ONLY = /^\s*(<!--[\s\S]*?-->\s*)+$/;
const HTML_FRAGMENT = /^\s*<[a-z][\w-]*\b[^>]*\bclass\s*=\s*["'][^"']*\bfragment\b/i;

export function stepMarksPlugin(md: MarkdownIt): void {
  for (const name of STEP_CONTAINERS) {
    md.use(container, name, {
      validate: (params: string) => params.trim() === name,
      render: (tokens: Token[], idx: number) => {
        const token = tokens[idx]!;
        if (token.nesting !== 1) return '</div>\n';
        const step = token.attrGet('data-step');
        const attrs = (name === 'fit' ? ' class="fit"' : '') + (step ? ` data-step="${step}"` : '');
        return `<div${attrs}>\n`;
      },
    });
  }
  md.core.ruler.push('lectern_step_marks', markSteps);
}

/** Whether a marker's attribute text asks for a fragment. */
function isFragment(attributes: string): boolean {
  return /\bclass\s*=\s*["'][^"']*\bfragment\b/.test(attributes);
}

function markSteps(state: StateCore): void {
  const tokens = state.tokens;
  /** The open token of each enclosing block, innermost last, at token i. */
  const open: number[] = [];
  const drop = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.nesting === 1) {
      open.push(i);
      continue;
    }
    if (token.nesting === -1) {
      open.pop();
      continue;
    }
    if (token.type === 'inline' && token.children) {
      let marked = false;
      token.children = token.children.filter((child) => {
        if (child.type !== 'html_inline') return true;
        const marker = MARKER.exec(child.content.trim());
        if (marker) {
          marked ||= isFragment(marker[1] ?? '');
          return false;
        }
        return !COMMENT_ONLY.test(child.content);
      });
      if (marked) markBlock(tokens, open, open.length - 1);
      continue;
    }
    if (token.type === 'html_block') {
      const marker = MARKER.exec(token.content.trim());
      if (marker) {
        drop.add(i);
        // alone on its line: the block just before it, at the same depth
        if (isFragment(marker[1] ?? '')) {
          const before = previousSibling(tokens, i);
          if (before >= 0) markBlock(tokens, [...open, before], open.length);
        }
      } else if (COMMENT_ONLY.test(token.content)) drop.add(i);
      else if (HTML_FRAGMENT.test(token.content)) markBlock(tokens, [...open, i], open.length);
    }
  }
  if (drop.size) state.tokens = tokens.filter((_, i) => !drop.has(i));
}

/** The index of the open token (or single token) of the block just before token i at its level, or -1. */
function previousSibling(tokens: Token[], i: number): number {
  const level = tokens[i]!.level;
  let j = i - 1;
  while (j >= 0 && tokens[j]!.level > level) j--;
  if (j < 0 || tokens[j]!.level !== level) return -1;
  if (tokens[j]!.nesting === 0) return j;
  if (tokens[j]!.nesting === 1) return -1; // i is the first child
  let depth = 0;
  for (; j >= 0; j--) {
    depth += tokens[j]!.nesting;
    if (depth === 0) return j;
  }
  return -1;
}

/**
 * Flags the block chain[at] (an open token index) as a fragment, climbing to where steps.ts looks:
 * a top-level block, or an item of a top-level list. A paragraph that is an item's first child
 * marks the item (reveal.js puts a trailing marker on the `<li>` of a tight list).
 */
function markBlock(tokens: Token[], chain: readonly number[], at: number): void {
  let k = at;
  if (k < 0) return;
  const isItemOfTopList = (idx: number, pos: number) => tokens[idx]!.type === 'list_item_open' && pos >= 1 && tokens[chain[pos - 1]!]!.level === 0;
  if (tokens[chain[k]!]!.type === 'paragraph_open' && k >= 1 && tokens[chain[k - 1]!]!.type === 'list_item_open' && chain[k - 1]! === chain[k]! - 1) k--;
  while (k > 0 && tokens[chain[k]!]!.level !== 0 && !isItemOfTopList(chain[k]!, k)) k--;
  const target = tokens[chain[k]!]!;
  target.meta = { ...(target.meta as Record<string, unknown> | null), fragment: true };
}
