/**
 * The Slidev corpus (tests/fixtures/dialects/slidev/) read by Lectern and by Slidev's own parser
 * (@slidev/parser's parseSync) as the oracle: the same slides, the same notes. Slidev's parser
 * keeps hidden/disabled slides (its vite plugin leaves them out later) and empty ones; Lectern
 * skips both, so the oracle's list is filtered the same way before comparing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSync } from '@slidev/parser';
import { describe, expect, it } from 'vitest';
import { parseDeckSource } from '../../../server/deck/dialects/index.js';
import { loadDeck } from '../../../server/deck/load.js';

const DIR = path.resolve('tests/fixtures/dialects/slidev');
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();
const SLIDE_KEYS = ['layout', 'background', 'image', 'class'];
/** Text outside code: code may quote Slidev's markup. */
const prose = (md: string) => md.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
const proseHtml = (html: string) => html.replace(/<pre[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
const squash = (text: string | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

/** The slides Slidev presents, as its parser lists them. */
function oracleSlides(source: string, file: string) {
  return parseSync(source, file).slides.filter((slide, index) => {
    const fm = (slide.frontmatter ?? {}) as Record<string, unknown>;
    if (fm['hide'] === true || fm['disabled'] === true) return false;
    const settings = index === 0 ? SLIDE_KEYS.filter((k) => k in fm) : Object.keys(fm);
    return slide.content.trim() !== '' || !!slide.note || settings.length > 0;
  });
}

describe('Slidev corpus against @slidev/parser', () => {
  it('has fixtures, every one detected as Slidev', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(7);
    for (const file of FIXTURES) expect(parseDeckSource(readFileSync(path.join(DIR, file), 'utf8'), file).dialect, file).toBe('slidev');
  });

  for (const file of FIXTURES) {
    it(`${file}: the same slides and notes as Slidev's parser`, () => {
      const source = readFileSync(path.join(DIR, file), 'utf8');
      const ours = parseDeckSource(source, file).slides;
      const theirs = oracleSlides(source, file);
      expect(ours.length).toBe(theirs.length);
      expect(ours.map((s) => squash(s.notes))).toEqual(theirs.map((s) => squash(s.note)));
      for (const slide of ours) expect(prose(slide.body)).not.toMatch(/<\/?v-(click|clicks|after)\b|\sv-(click|after)\b|<[A-Z]\w*|\{\{/);
    });
  }

  it('counts the whole parser list the same once hidden and empty slides are put back', () => {
    const source = readFileSync(path.join(DIR, 'traps.md'), 'utf8');
    const read = parseDeckSource(source, 'traps.md');
    expect(parseSync(source, 'traps.md').slides).toHaveLength(read.slides.length + read.dropped.filter((d) => /skipped/.test(d.what)).length);
  });
});

describe('Slidev corpus rendered by Lectern', () => {
  const steps = (deck: Awaited<ReturnType<typeof loadDeck>>) => deck.slides.map((s) => (s.steps?.length ?? 1) - 1);

  it('clicks.md: v-click, v-after and v-clicks steps as Slidev counts its clicks', async () => {
    const deck = await loadDeck(path.join(DIR, 'clicks.md'));
    // slide 1: <v-click> + <div v-click> (the v-after shows with it) = 2 clicks in Slidev too;
    // slide 2: <v-clicks> over three items = 3; slide 4: code {1|3-4} = 1.
    // slide 3 differs on purpose: Slidev has v-click.hide (1), at="3", an inline <span v-click> and
    // depth="2" (A, A.1, B); Lectern keeps one fragment and the two top-level items (3), the rest reported.
    expect(steps(deck)).toEqual([2, 3, 3, 1]);
    expect(deck.warnings).toEqual([]);
  });

  it('layouts.md: layouts, pictures beside the text and backgrounds', async () => {
    const deck = await loadDeck(path.join(DIR, 'layouts.md'));
    expect(deck.slides.map((s) => s.layout ?? 'default')).toEqual(['title', 'image-right', 'image-left', 'quote', 'fact', 'center', 'section', 'default', 'default', 'end']);
    expect(deck.slides[0]!.background).toEqual({ image: '/layouts/assets/bg.png' });
    expect(deck.slides[6]!.background).toEqual({ color: '#0b3d2e' });
    expect(deck.slides[7]!.background).toEqual({ image: '/layouts/assets/photo.png' });
    expect(deck.slides[2]!.html).toContain('/layouts/assets/public/logo.png');
    expect(deck.warnings).toEqual([]);
  });

  it('two-cols.md: the two-column slides the e2e screenshot uses', async () => {
    const deck = await loadDeck(path.join(DIR, 'two-cols.md'));
    expect(deck.slides.map((s) => s.layout ?? 'default')).toEqual(['title', 'two-columns', 'two-columns']);
    expect(steps(deck)).toEqual([0, 1, 0]);
    expect(deck.slides[1]!.notes).toContain('Notes for the two-column slide');
    expect(deck.warnings).toEqual([]);
  });

  it('every fixture loads without warnings, and nothing of Slidev reaches a slide', async () => {
    for (const file of FIXTURES) {
      const deck = await loadDeck(path.join(DIR, file));
      expect(deck.warnings, file).toEqual([]);
      for (const slide of deck.slides) expect(proseHtml(slide.html), file).not.toMatch(/v-click|v-after|\$slidev|<tweet|<arrow|::: ?fragment/i);
    }
  });
});
