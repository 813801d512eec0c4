/**
 * Builds: a slide revealed step by step. Lectern's syntax, on the markdown-it token stream:
 *
 * - a list written with `+` bullets builds item by item (as in Obsidian Advanced Slides);
 * - a paragraph holding only `. . .` is a pause: what follows it comes one step later (Pandoc,
 *   Quarto);
 * - a fragment (`::: fragment`, or a block or list item flagged by a reveal.js element marker, see
 *   step-marks.ts) is a step of its own, in document order, without delaying what follows;
 * - `::: incremental` builds the lists inside it item by item.
 *
 * Step 0 is what the slide shows on arrival. Each block (or `+` item) carries the step that
 * reveals it; `tokensUpTo(k)` keeps what steps 0..k show, so the HTML sent to a phone at step k
 * holds nothing of a later step (not hidden: absent). Shown blocks of step ≥ 1 get `data-step`,
 * which the views use to animate the newest one and, for the presenter, to hide what is ahead.
 */
import type { Token } from 'markdown-it';

const PAUSE = /^\.\s+\.\s+\.$/;

/** The line ranges of a code block that steps through them, `{1|3-4}` (Slidev) or `[1|3-4]` (reveal.js). */
const LINE_STEPS = /(?:\{([^}]*\|[^}]*)\}|\[([^\]]*\|[^\]]*)\])/;

/**
 * The lines each stage of a stepping code block highlights (an empty list: all, unmarked), or
 * null when the fence's info has no `|`-separated ranges. `all` stands for every line.
 */
export function parseLineSteps(info: string): number[][] | null {
  const match = LINE_STEPS.exec(info);
  const spec = match?.[1] ?? match?.[2];
  if (!spec) return null;
  return spec.split('|').map((stage) => {
    const lines: number[] = [];
    for (const part of stage.split(',').map((p) => p.trim())) {
      if (part === '' || part === 'all' || part === '*') continue;
      const range = /^(\d+)(?:-(\d+))?$/.exec(part);
      if (!range) continue;
      const from = Number(range[1]);
      const to = Number(range[2] ?? range[1]);
      for (let line = from; line <= Math.min(to, from + 1000); line++) lines.push(line);
    }
    return lines;
  });
}

/** A code block's highlight stages with the step each starts at (the first: the block's own). */
export interface LineStage {
  step: number;
  lines: number[];
}

interface Block {
  start: number;
  end: number; // inclusive
  step: number;
  pause?: boolean;
  /** blocks inside this one with steps of their own: the items of a building list, the lists of `::: incremental` */
  children?: Block[];
  /** a code block stepping through line ranges */
  stages?: LineStage[];
}

/** Whether a block was flagged as a step of its own (step-marks.ts). */
function isFragment(token: Token): boolean {
  return (token.meta as { fragment?: boolean } | null)?.fragment === true;
}

/** Top-level blocks of a token stream: an opening token to its matching close, or one token. */
function blocks(tokens: readonly Token[], from: number, to: number, level: number): Block[] {
  const found: Block[] = [];
  for (let i = from; i <= to; i++) {
    const token = tokens[i]!;
    if (token.level !== level) continue;
    if (token.nesting === 1) {
      let depth = 0;
      let j = i;
      for (; j <= to; j++) {
        depth += tokens[j]!.nesting;
        if (depth === 0) break;
      }
      found.push({ start: i, end: j, step: 0 });
      i = j;
    } else if (token.nesting === 0) found.push({ start: i, end: i, step: 0 });
  }
  return found;
}

/** The slide's build: which step reveals each block; `count` is the number of steps after the first view. */
export interface Build {
  count: number;
  /** A poll block comes after a pause: it still shows (and opens) when the slide is reached. */
  pollAfterPause: boolean;
  /** The tokens steps 0..k show, with `data-step` on blocks of step 1 and later. */
  tokensUpTo(k: number): Token[];
}

export function planBuild(tokens: readonly Token[]): Build {
  const top = blocks(tokens, 0, tokens.length - 1, 0);
  // `level`: the step ordinary blocks appear at (raised by pauses); `last`: the latest step so far
  let level = 0;
  let last = 0;
  let pollAfterPause = false;
  /** A list's items, each its own step (`all`), or only those flagged as fragments. */
  const buildItems = (list: Block, all: boolean): Block[] | undefined => {
    const items = blocks(tokens, list.start + 1, list.end - 1, tokens[list.start]!.level + 1);
    if (!all && !items.some((item) => isFragment(tokens[item.start]!))) return undefined;
    return items.map((item) => ({ ...item, step: all || isFragment(tokens[item.start]!) ? ++last : list.step }));
  };
  for (const block of top) {
    const open = tokens[block.start]!;
    const inline = tokens[block.start + 1];
    if (open.type === 'paragraph_open' && block.end - block.start === 2 && inline && PAUSE.test(inline.content.trim())) {
      // after everything so far, including the items of a + list above it
      block.pause = true;
      level = ++last;
      continue;
    }
    // a poll opens when its slide is reached (polls follow slides, not steps), so it shows from
    // the start whatever pause comes before it; the loader warns about such a deck
    const isPoll = open.type === 'fence' && open.info.trim().split(/\s+/)[0]?.toLowerCase() === 'poll';
    if (isPoll && level > 0) pollAfterPause = true;
    if (!isPoll && (isFragment(open) || open.type === 'container_fragment_open')) {
      // a step of its own, in order; what follows it is not delayed (reveal.js, Slidev, Quarto)
      block.step = ++last;
      continue;
    }
    block.step = isPoll ? 0 : level;
    const ranges = open.type === 'fence' && !isPoll ? parseLineSteps(open.info) : null;
    if (ranges) {
      // the first range shows with the block; each further one is a step of its own
      block.stages = ranges.map((lines, i) => ({ step: i === 0 ? level : ++last, lines }));
    }
    if (open.type === 'bullet_list_open' || open.type === 'ordered_list_open') {
      // a `+` list: the list itself shows with its level; each item is a step of its own, and
      // what follows the list (without a pause) is there from the start, as in reveal.js and Slidev
      const children = buildItems(block, open.type === 'bullet_list_open' && open.markup === '+');
      if (children) block.children = children;
    }
    if (open.type === 'container_incremental_open') {
      block.children = blocks(tokens, block.start + 1, block.end - 1, open.level + 1).map((child) => {
        const inner = { ...child, step: level };
        const type = tokens[child.start]!.type;
        if (type === 'bullet_list_open' || type === 'ordered_list_open') inner.children = buildItems(inner, true)!;
        return inner;
      });
    }
  }
  const count = last;

  return {
    count,
    pollAfterPause,
    tokensUpTo(k: number): Token[] {
      const out: Token[] = [];
      const copyOf = (token: Token) => Object.assign(Object.create(Object.getPrototypeOf(token) as object) as Token, token);
      const mark = (token: Token, s: number) => {
        if (s < 1) return token;
        // a copy, so the variants of one slide never share attributes
        const copy = copyOf(token);
        copy.attrs = [...(token.attrs ?? []), ['data-step', String(s)]];
        copy.meta = { ...token.meta, step: s };
        // raw HTML is rendered as written, attributes ignored: wrap it so the step still shows
        if (token.type === 'html_block') copy.content = `<div data-step="${s}">\n${token.content}</div>\n`;
        return copy;
      };
      /** Emits a block shown by step k; `outer` is the step of the block around it (marked once, where it changes). */
      const emit = (block: Block, outer: number) => {
        if (block.pause || block.step > k) return;
        const own = block.step > outer ? block.step : 0;
        if (block.stages) {
          const fence = mark(tokens[block.start]!, own);
          const copy = fence === tokens[block.start] ? copyOf(fence) : fence;
          copy.meta = { ...copy.meta, lineStages: block.stages };
          out.push(copy);
          return;
        }
        if (!block.children) {
          for (let i = block.start; i <= block.end; i++) out.push(i === block.start ? mark(tokens[i]!, own) : tokens[i]!);
          return;
        }
        out.push(mark(tokens[block.start]!, own));
        // what sits between children (none for lists and containers) is kept as is
        for (const child of block.children) emit(child, Math.max(outer, block.step));
        out.push(tokens[block.end]!);
      };
      for (const block of top) emit(block, 0);
      return out;
    },
  };
}
