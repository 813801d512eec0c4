/**
 * The Marp corpus against Marp itself: every fixture is rendered with @marp-team/marpit (with the
 * global directives marp-core and marp-cli add), and Lectern's reading must give the same slides,
 * notes, directives (as settings) and backgrounds. Steps, which Marpit only marks, are expected values.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Marpit } from '@marp-team/marpit';
import { describe, expect, it } from 'vitest';
import { marp } from '../../../server/deck/dialects/marp.js';
import { loadDeck } from '../../../server/deck/load.js';
import { readFrontMatter } from '../../../server/deck/parse.js';

/** The deck read through the Marp dialect alone (index.js would load every dialect; each is tested on its own). */
function parseDeckSource(source: string, file: string) {
  const lines = source.split(/\r\n|\r|\n/);
  const { meta, bodyStart } = readFrontMatter(lines, file);
  const body = lines.slice(bodyStart);
  const read = marp.read(body, bodyStart + 1, meta);
  return { meta: { ...read.meta, ...meta }, dialect: marp.detect(meta, body.join('\n')) ? 'marp' : 'other', slides: read.slides, dropped: read.dropped };
}

const DIR = path.resolve('tests/fixtures/dialects/marp');
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();

/** Marpit as marp-core and marp-cli extend it: their globals and `transition` are directives, not comments. */
function marpit(inlineSVG: boolean): Marpit {
  const m = new Marpit({ inlineSVG });
  for (const name of ['size', 'math', 'title', 'description', 'author', 'image', 'keywords', 'url']) m.customDirectives.global[name] = (v) => ({ [name]: v });
  m.customDirectives.local['transition'] = (v) => ({ transition: v });
  return m;
}

/** What Marp shows per slide, read off its HTML. */
interface MarpSlide {
  notes: string;
  attrs: Record<string, string>;
  /** Background images in order (advanced backgrounds), and the split side and size. */
  backgrounds: string[];
  split: { side: string; size: string } | null;
}

function renderWithMarp(source: string): MarpSlide[] {
  const plain = marpit(false).render(source, { htmlAsArray: true });
  const svg = marpit(true).render(source, { htmlAsArray: true });
  const plainHtml = plain.html as unknown as string[];
  const svgHtml = svg.html as unknown as string[];
  return plainHtml.map((html, i) => {
    const open = /<section\b[^>]*>/.exec(html)?.[0] ?? '';
    const attrs: Record<string, string> = {};
    for (const m of open.matchAll(/([\w-]+)="([^"]*)"/g)) attrs[m[1]!] = m[2]!.replace(/&quot;/g, '"');
    const slideSvg = svgHtml[i] ?? '';
    const backgrounds = [...slideSvg.matchAll(/<figure style="background-image:url\(&quot;([^&]*)&quot;\)/g)].map((m) => m[1]!);
    const bgSection = /<section\b[^>]*data-marpit-advanced-background="background"[^>]*>/.exec(slideSvg)?.[0] ?? '';
    const side = /data-marpit-advanced-background-split="(\w+)"/.exec(bgSection)?.[1];
    const size = /--marpit-advanced-background-split:([\d.]+%)/.exec(bgSection)?.[1];
    // marp-core takes `<!--fit-->` in a heading for itself; plain Marpit keeps it as a comment
    const notes = (plain.comments[i] ?? []).filter((c) => c !== 'fit').join('\n\n');
    return { notes, attrs, backgrounds, split: side && size ? { side, size } : null };
  });
}

describe('Marp corpus', () => {
  it('has fixtures', () => expect(FIXTURES.length).toBeGreaterThanOrEqual(8));

  for (const file of FIXTURES) {
    describe(file, () => {
      const source = readFileSync(path.join(DIR, file), 'utf8');
      const deck = parseDeckSource(source, path.join(DIR, file));
      const expected = renderWithMarp(source);

      it('is detected as Marp', () => expect(deck.dialect).toBe(file === 'explicit.md' ? 'other' : 'marp'));

      it('has the slides and notes Marp has', () => {
        expect(deck.slides.length).toBe(expected.length);
        expect(deck.slides.map((s) => s.notes)).toEqual(expected.map((s) => s.notes));
      });

      it('has the directives Marp applies, as settings', () => {
        deck.slides.forEach((slide, i) => {
          const { attrs } = expected[i]!;
          const s = slide.settings;
          expect(s.header ?? null, `slide ${i + 1} header`).toBe(attrs['data-header'] || null);
          expect(s.footer ?? null, `slide ${i + 1} footer`).toBe(attrs['data-footer'] || null);
          expect(s.color ?? null, `slide ${i + 1} color`).toBe(attrs['data-color'] ?? null);
          expect(s.class ?? null, `slide ${i + 1} class`).toBe(attrs['class'] ?? null);
          expect(s.paginate === 'true', `slide ${i + 1} paginate`).toBe('data-marpit-pagination' in attrs);
        });
      });

      it('builds in as many steps as Marp has fragments', async () => {
        const loaded = await loadDeck(path.join(DIR, file));
        const steps = loaded.slides.map((slide) => (slide.steps?.length ?? 1) - 1);
        expect(steps).toEqual(expected.map((slide) => Number(slide.attrs['data-marpit-fragments'] ?? 0)));
      });

      it('has the backgrounds Marp shows', () => {
        deck.slides.forEach((slide, i) => {
          const marp = expected[i]!;
          const s = slide.settings;
          if (marp.split) {
            expect(s.layout, `slide ${i + 1}`).toBe(marp.split.side === 'left' ? 'image-left' : 'image-right');
            expect(s.image).toBe(marp.backgrounds[0]);
            expect(s.split ?? '50%').toBe(marp.split.size);
          } else if (marp.backgrounds.length) {
            // Marp shows several side by side; Lectern the first (and reports the rest)
            expect(s.background, `slide ${i + 1}`).toBe(marp.backgrounds[0]);
          } else {
            const image = /^url\((.*)\)$/.exec(marp.attrs['data-background-image'] ?? '')?.[1];
            expect(s.background ?? null, `slide ${i + 1}`).toBe(image ?? marp.attrs['data-background-color'] ?? null);
          }
        });
      });
    });
  }
});

describe('Marp detection', () => {
  const decks = [
    ...readdirSync('decks').filter((f) => f.endsWith('.md')).map((f) => path.join('decks', f)),
    ...readdirSync('tests/fixtures/decks').filter((f) => f.endsWith('.md')).map((f) => path.join('tests/fixtures/decks', f)),
  ];
  it.each(decks)('does not claim the Lectern deck %s', (file) => {
    expect(parseDeckSource(readFileSync(file, 'utf8'), file).dialect).toBe('other');
  });
});

describe('Marp fixtures beyond the oracle', () => {
  const read = (file: string) => parseDeckSource(readFileSync(path.join(DIR, file), 'utf8'), path.join(DIR, file));

  it('bg-split: the photo beside the text, 40% wide, out of the body', () => {
    const slide = read('bg-split.md').slides[1]!;
    expect(slide.settings).toMatchObject({ layout: 'image-right', image: 'photo.png', split: '40%' });
    expect(slide.body).not.toContain('![');
    expect(slide.body).toContain('- Rocks shaped by the tide');
  });

  it('fragments: * and 1) lists build, - and + do not', () => {
    const slides = read('fragments.md').slides;
    expect(slides[0]!.body).toMatch(/^\+ First$/m);
    expect(slides[1]!.body).toMatch(/^- One$/m);
    expect(slides[1]!.body).toMatch(/^- Plus is not a build in Marp$/m);
    expect(slides[2]!.body).toContain('1) Alpha <!-- .element: class="fragment" -->');
    expect(slides[2]!.body).toMatch(/^1\. Not built$/m);
  });

  it('images: sizes as |WxH, filters and extra backgrounds reported', () => {
    const deck = read('images.md');
    expect(deck.slides[3]!.body).toContain('![|200x100](chart.png)');
    expect(deck.slides[3]!.body).toContain('![|120](photo.png)');
    expect(deck.slides[3]!.body).toContain('![Chart](chart.png)');
    expect(deck.slides[4]!.body).toMatch(/::: fit\n# +Fit this heading\n:::/);
    const what = deck.dropped.map((d) => d.what).join('\n');
    expect(what).toMatch(/multiple backgrounds/);
    expect(what).toMatch(/sepia/);
    expect(what).toMatch(/background size contain/);
  });

  it('style-and-globals: theme and size from comments, style, math and transition reported', () => {
    const deck = read('style-and-globals.md');
    expect(deck.meta).toMatchObject({ theme: 'uncover', size: '4:3' });
    expect(deck.slides[0]!.body).not.toContain('font-family');
    const what = deck.dropped.map((d) => d.what).join('\n');
    for (const word of ['<style>', 'math', 'transition', 'style: section']) expect(what).toContain(word);
  });
});
