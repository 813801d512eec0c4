/** Slide Markdown → HTML on the server: markdown-it + shiki + images + polls. The browser needs neither. */
import MarkdownItCtor from 'markdown-it';
import type { Env, MarkdownIt, Token } from 'markdown-it';
import { getHighlighter, highlight, prepareHighlighter } from './highlight.js';
import { imagesPlugin, type ImageEnv } from './images.js';
import { stepMarksPlugin } from './step-marks.js';
import { parsePoll } from './polls.js';
import { parseLeaderboard, type LeaderboardSpec } from './leaderboard.js';
import { renderPoll } from './poll-html.js';
import { SlideError } from './errors.js';
import { planBuild, type LineStage } from './steps.js';
import type { PollSpec } from './types.js';
import type { SlideSource } from './parse.js';
import type { ThemeName } from '../../contract/theme.js';

/** What rendering needs beyond the Markdown: where images live, and the deck's theme (code colours). */
export type RenderContext = ImageEnv & { theme?: ThemeName };

export interface RenderedSlide {
  html: string;
  notes: string;
  /** Plain text of the first heading, or null when the slide has none. */
  title: string | null;
  /** Headings and at most two short lines of text, nothing else: a title or section slide. */
  headline: boolean;
  /** What the speaker should know about how the slide renders. */
  warnings?: string[];
  /** A slide that builds: the HTML of each step, steps[k] showing steps 0..k (the last is `html`). */
  steps?: string[];
  poll?: PollSpec;
  /** The slide holds a ```leaderboard block: the views show the quiz podium there. */
  leaderboard?: LeaderboardSpec;
}

type SlideEnv = Env & ImageEnv & { theme?: ThemeName };

let pending: Promise<MarkdownIt> | undefined;

/** The shared markdown-it instance (CommonMark + GFM tables/strikethrough, linkify, raw HTML allowed). */
function getMarkdown(): Promise<MarkdownIt> {
  pending ??= getHighlighter().then((hl) => {
    // html: true because the deck is the speaker's own file, like any static site generator.
    const md = MarkdownItCtor({ html: true, linkify: true });
    md.use(imagesPlugin);
    md.use(stepMarksPlugin);
    const escape = md.utils.escapeHtml;

    md.renderer.rules.fence = (tokens, idx, _options, env: Env | undefined) => {
      const token = tokens[idx] as Token;
      const poll = token.meta?.['poll'] as PollSpec | undefined;
      if (poll) return renderPoll(poll, escape);
      // the podium is drawn by the views from the live standing; the slide only marks its place
      if (token.meta?.['leaderboard']) return '<div class="lectern-leaderboard"></div>\n';
      const lang = token.info.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      // markdown-it keeps the final newline; shiki would render it as an empty last line.
      const code = token.content.replace(/\n$/, '');
      const stages = token.meta?.['lineStages'] as LineStage[] | undefined;
      const highlighted = lang ? highlight(hl, code, lang, (env as SlideEnv | undefined)?.theme, stages) : null;
      const langAttr = lang ? ` data-lang="${escape(lang)}"` : '';
      const block = highlighted ? `${highlighted}\n` : `<pre${langAttr}><code>${escape(token.content)}</code></pre>\n`;
      // a code block revealed by a later step of a build (steps.ts)
      const step = token.meta?.['step'] as number | undefined;
      return step ? `<div data-step="${step}">${block}</div>\n` : block;
    };

    const linkOpen = md.renderer.rules.link_open;
    md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
      const token = tokens[idx] as Token;
      // In-page anchors stay put; everything else opens beside the talk, not instead of it.
      if (!String(token.attrGet('href') ?? '').startsWith('#')) {
        token.attrSet('target', '_blank');
        token.attrSet('rel', 'noopener');
      }
      return linkOpen ? linkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
    };
    return md;
  });
  pending.catch(() => (pending = undefined));
  return pending;
}

/** One line of inline Markdown (a header or footer) as HTML. */
export async function renderInline(text: string): Promise<string> {
  return (await getMarkdown()).renderInline(text);
}

/** Renders one slide (body and notes); throws SlideError for a bad poll block or a second poll. */
export async function renderSlide(slide: Pick<SlideSource, 'body' | 'notes'>, ctx: RenderContext): Promise<RenderedSlide> {
  const md = await getMarkdown();
  const env: SlideEnv = { slug: ctx.slug, resolveImage: ctx.resolveImage, ...(ctx.theme ? { theme: ctx.theme } : {}) };
  const tokens = md.parse(slide.body, env);
  // the grammars and code colours this slide's code needs (and its notes': they are rendered too)
  const fenceLangs = (list: Token[]) => list.filter((t) => t.type === 'fence').map((t) => t.info.trim().split(/\s+/)[0]?.toLowerCase() ?? '').filter(Boolean);
  const notesTokens = slide.notes.trim() ? md.parse(slide.notes, { ...env }) : [];
  await prepareHighlighter(await getHighlighter(), ctx.theme ?? 'default', [...fenceLangs(tokens), ...fenceLangs(notesTokens)]);
  const poll = attachPoll(tokens);
  const leaderboard = attachLeaderboard(tokens);
  const build = planBuild(tokens);
  // columns are decided on the whole slide, so a build never makes the layout jump
  const columns = tokens.some((t, i) => t.type === 'paragraph_open' && t.level === 0 && tokens[i + 1]?.content.trim() === '::right::');
  const renderUpTo = (k: number) => renderColumns(md, build.tokensUpTo(k), env, columns);
  const html = renderUpTo(build.count);
  // Notes never get attachPoll: a ```poll there is shown as code, only the slide itself can hold a poll.
  const notes = notesTokens.length ? md.renderer.render(notesTokens, md.options, { ...env }) : '';
  const rendered: RenderedSlide = { html, notes, title: firstHeading(tokens), headline: isHeadline(tokens) };
  if (build.pollAfterPause) rendered.warnings = ['a poll opens when its slide is reached, so the ```poll block shows from the start, not after the pause before it'];
  if (build.count > 0) {
    // what each step shows, for those who must not see further: html[k] holds steps 0..k only
    rendered.steps = Array.from({ length: build.count + 1 }, (_, k) => (k === build.count ? html : renderUpTo(k)));
  }
  if (poll) rendered.poll = poll;
  if (leaderboard) rendered.leaderboard = leaderboard;
  return rendered;
}

const COLUMN_BREAK = /^::(left|right)::$/;

/**
 * Two columns: a paragraph holding only `::right::` (Slidev's marker) splits the slide: what
 * comes before it is the left column, the rest the right. With a `::left::` marker too, what
 * comes before that (the heading) spans both.
 */
function renderColumns(md: MarkdownIt, tokens: Token[], env: SlideEnv, columns: boolean): string {
  const isBreak = (i: number) => tokens[i]?.type === 'paragraph_open' && tokens[i]!.level === 0 && COLUMN_BREAK.test(tokens[i + 1]?.content.trim() ?? '');
  const at = tokens.findIndex((_, i) => isBreak(i) && tokens[i + 1]!.content.trim() === '::right::');
  const render = (part: Token[]) => md.renderer.render(part.filter((_, i, all) => !(isBreakIn(all, i))), md.options, env);
  if (at < 0 && !columns) return render(tokens);
  // with a `::left::` marker, what comes before it (the slide's heading) spans both columns
  // a step before `::right::` is reached: the right column is there, empty
  const end = at < 0 ? tokens.length : at;
  const left = tokens.findIndex((_, i) => i < end && isBreak(i) && tokens[i + 1]!.content.trim() === '::left::');
  const header = left < 0 ? '' : render(tokens.slice(0, left));
  const right = at < 0 ? '' : render(tokens.slice(at + 3));
  const cols = `<div class="cols"><div class="col">${render(tokens.slice(left < 0 ? 0 : left + 3, end))}</div><div class="col">${right}</div></div>\n`;
  return header + cols;
}

/** Whether token i of `tokens` belongs to a `::left::`/`::right::` marker paragraph (open, inline, close). */
function isBreakIn(tokens: Token[], i: number): boolean {
  for (let start = Math.max(0, i - 2); start <= i; start++) {
    const open = tokens[start];
    if (open?.type === 'paragraph_open' && open.level === 0 && COLUMN_BREAK.test(tokens[start + 1]?.content.trim() ?? '') && i - start <= 2) return true;
  }
  return false;
}

/** Parses the slide's ```poll block (at most one) and pins the spec on its token for the fence renderer. */
function attachPoll(tokens: Token[]): PollSpec | undefined {
  let found: { spec: PollSpec; line: number } | undefined;
  for (const token of tokens) {
    if (token.type !== 'fence' || token.info.trim().split(/\s+/)[0]?.toLowerCase() !== 'poll') continue;
    const line = token.map?.[0] ?? 0;
    if (found) throw new SlideError('a slide holds at most one poll; move the second ```poll block to its own slide', line);
    let spec: PollSpec;
    try {
      spec = parsePoll(token.content);
    } catch (err) {
      throw err instanceof SlideError ? new SlideError(err.message, line) : err;
    }
    token.meta = { ...token.meta, poll: spec };
    found = { spec, line };
  }
  return found?.spec;
}

/** Parses the slide's ```leaderboard block (at most one) and marks its token for the fence renderer. */
function attachLeaderboard(tokens: Token[]): LeaderboardSpec | undefined {
  let found: LeaderboardSpec | undefined;
  for (const token of tokens) {
    if (token.type !== 'fence' || token.info.trim().split(/\s+/)[0]?.toLowerCase() !== 'leaderboard') continue;
    const line = token.map?.[0] ?? 0;
    if (found) throw new SlideError('a slide holds at most one leaderboard; remove the second ```leaderboard block', line);
    try {
      found = parseLeaderboard(token.content);
    } catch (err) {
      throw err instanceof SlideError ? new SlideError(err.message, line) : err;
    }
    token.meta = { ...token.meta, leaderboard: found };
  }
  return found;
}

/**
 * A slide of headings and at most two short paragraphs (a subtitle, a name and date): the deck's
 * title slide when it comes first, a section divider elsewhere. Lists, code, tables, quotes,
 * polls or longer text make an ordinary slide.
 */
function isHeadline(tokens: Token[]): boolean {
  let headings = 0;
  let paragraphs = 0;
  // a heading inside `::: fit` is one level down, and still the slide's headline
  let fit = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'container_fit_open' || token.type === 'container_fit_close') {
      fit += token.nesting;
      continue;
    }
    if (token.level - fit !== 0 || token.type.endsWith('_close') || token.type === 'inline') continue;
    if (token.type === 'heading_open') headings++;
    else if (token.type === 'paragraph_open') {
      paragraphs++;
      if ((tokens[i + 1]?.content.length ?? 0) > 140) return false;
    } else return false;
  }
  return headings > 0 && paragraphs <= 2;
}

function firstHeading(tokens: Token[]): string | null {
  const at = tokens.findIndex((t) => t.type === 'heading_open');
  const inline = at >= 0 ? tokens[at + 1] : undefined;
  if (!inline?.children) return null;
  const text = inline.children
    .map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'softbreak' ? ' ' : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  return text || null;
}
