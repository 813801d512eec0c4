/**
 * The oracle for the reveal.js and Obsidian dialects: reveal.js's own markdown plugin (node_modules,
 * dist/reveal.js + dist/plugin/markdown.js) in headless Chromium reads each fixture deck, and Lectern
 * must find the same slides: as many, with the same speaker notes and the same backgrounds; steps
 * (reveal's `.fragment` elements) are compared too.
 *
 * reveal.js is configured as the decks' tools configure it: the plugin's default separator and notes
 * regex, vertical slides on `--` (reveal.js demo) or `----` (reveal-md), the front matter's
 * `separator:` / `verticalSeparator:` when given. For Obsidian, Advanced Slides' defaults
 * (src/defaults.json: `--` vertical, `note:` notes) and its comment spelling, which its preprocessor
 * turns into reveal's (`<!-- slide bg=… -->` → `<!-- .slide: data-background=… -->`, comment.ts,
 * backgroundTransformer.ts; `+` and `1)` items → fragments, fragmentProcessor.ts).
 *
 * Known, intended difference: reveal's regexes split inside fenced code (traps.md, obsidian-only.md);
 * Lectern never does. reveal.js gets its copy with separator lines inside fences taken out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../helpers/browser.js';
import { loadDeck } from '../../server/deck/load.js';
import { readFrontMatter } from '../../server/deck/parse.js';
import { fenceTracker } from '../../server/deck/scan.js';

const REVEAL = path.resolve('node_modules/reveal.js/dist/reveal.js');
const MARKDOWN = path.resolve('node_modules/reveal.js/dist/plugin/markdown.js');

interface SlideView {
  notes: string;
  fragments: number;
  background: string | null;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Advanced Slides' preprocessing, as far as the compared things go (see the header). */
function advancedSlidesPreprocess(body: string): string {
  return body
    .replace(/<!--\s*(slide|element)\s/g, '<!-- .$1: ')
    .replace(/bg="\[\[([^\]]+)\]\]"/g, 'bg="$1"')
    .replace(/\bbg="/g, 'data-background="')
    .replace(/skip="true"/g, 'data-visibility="hidden"')
    .replace(/^(\s*(?:\+|\d+\))\s.*)$/gm, '$1 <!-- .element: class="fragment" -->')
    .replace(/^\+ /gm, '- ');
}

/** The one intended difference: reveal's regexes split fenced code, Lectern's never do; reveal gets the code without its separator lines. */
function withoutSeparatorsInCode(body: string): string {
  const inFence = fenceTracker();
  return body
    .split('\n')
    .filter((line) => !(inFence(line) && /^-{2,4}[ \t]*$/.test(line)))
    .join('\n');
}

/** The deck's slides as reveal.js's markdown plugin makes them. */
async function revealSlides(page: Page, file: string, flavour: 'reveal' | 'obsidian'): Promise<SlideView[]> {
  const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
  const { meta, bodyStart } = readFrontMatter(lines, file);
  let body = lines.slice(bodyStart).join('\n');
  if (flavour === 'obsidian') body = advancedSlidesPreprocess(body);
  body = withoutSeparatorsInCode(body);
  const attrs: Record<string, string> =
    flavour === 'obsidian'
      ? { 'data-separator': String.raw`\r?\n---\r?\n`, 'data-separator-vertical': String.raw`\r?\n--\r?\n`, 'data-separator-notes': 'note:' }
      : { 'data-separator-vertical': String.raw`\r?\n(?:--|----)\r?\n` };
  if (typeof meta['separator'] === 'string') attrs['data-separator'] = meta['separator'];
  if (typeof meta['verticalSeparator'] === 'string') attrs['data-separator-vertical'] = meta['verticalSeparator'];
  const attributes = Object.entries(attrs).map(([k, v]) => `${k}="${escapeHtml(v)}"`).join(' ');
  await page.setContent(`<!doctype html><div class="reveal"><div class="slides"><section data-markdown ${attributes}><textarea data-template>${escapeHtml(body)}</textarea></section></div></div>`);
  await page.addScriptTag({ path: REVEAL });
  await page.addScriptTag({ path: MARKDOWN });
  return page.evaluate(async () => {
    const w = window as unknown as { Reveal: { initialize(o: unknown): Promise<unknown> }; RevealMarkdown: unknown };
    await w.Reveal.initialize({ plugins: [w.RevealMarkdown], embedded: true, hash: false, history: false });
    const leaves = [...document.querySelectorAll('.slides section')].filter((s) => !s.querySelector('section'));
    return leaves.map((s) => {
      const bg = ['data-background', 'data-background-color', 'data-background-image'].map((a) => s.getAttribute(a)).find((v) => v);
      return {
        notes: (s.querySelector('aside.notes')?.textContent ?? '').replace(/\s+/g, ' ').trim(),
        fragments: s.querySelectorAll('.fragment').length,
        background: bg ?? null,
      };
    });
  });
}

/** The same deck as Lectern loads it. */
async function lecternSlides(page: Page, file: string): Promise<SlideView[]> {
  const deck = await loadDeck(file);
  const notes = await page.evaluate((htmls) => htmls.map((html) => {
    const div = document.createElement('div');
    div.innerHTML = html;
    return (div.textContent ?? '').replace(/\s+/g, ' ').trim();
  }), deck.slides.map((s) => s.notes));
  return deck.slides.map((slide, i) => ({
    notes: notes[i] ?? '',
    fragments: (slide.steps?.length ?? 1) - 1,
    background: slide.background?.color ?? (slide.background?.image ? path.basename(slide.background.image) : null),
  }));
}

const FIXTURES = (['reveal', 'obsidian'] as const).flatMap((flavour) => {
  const dir = path.resolve('tests/fixtures/dialects', flavour);
  return readdirSync(dir).filter((n) => n.endsWith('.md')).map((n) => ({ flavour, name: `${flavour}/${n}`, file: path.join(dir, n) }));
});

describe('reveal.js markdown plugin as the oracle', () => {
  let browser: Browser;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  }, 60_000);
  afterAll(async () => browser?.close());

  it.each(FIXTURES)('$name: same slides, notes, backgrounds and steps as reveal.js', async ({ flavour, file, name }) => {
    const oracle = await revealSlides(page, file, flavour);
    const ours = await lecternSlides(page, file);
    console.log(`${name}: reveal ${oracle.length} slides, fragments [${oracle.map((s) => s.fragments)}]; Lectern ${ours.length} slides, steps [${ours.map((s) => s.fragments)}]`);
    expect(ours.length).toBe(oracle.length);
    expect(ours.map((s) => s.notes)).toEqual(oracle.map((s) => s.notes));
    expect(ours.map((s) => s.background)).toEqual(oracle.map((s) => (s.background ? s.background.replace(/^\[\[(.*)\]\]$/, '$1') : null)));
    expect(ours.map((s) => s.fragments), 'steps per slide').toEqual(oracle.map((s) => s.fragments));
  });
});
