/**
 * The Deckset corpus. Deckset is a closed macOS app, so there is no oracle to run: the expected
 * values below follow its documentation (docs.decksetapp.com: configuration commands, presenter
 * notes, build steps, background and inline images, columns, code highlights).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckset } from '../../../server/deck/dialects/deckset.js';
import { readFrontMatter } from '../../../server/deck/parse.js';

const DIR = path.resolve('tests/fixtures/dialects/deckset');
const FIXTURES = readdirSync(DIR).filter((f) => f.endsWith('.md')).sort();

/** The deck read through the Deckset dialect alone. */
function read(file: string) {
  const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
  const { meta, bodyStart } = readFrontMatter(lines, file);
  const body = lines.slice(bodyStart);
  return { detected: deckset.detect(meta, body.join('\n')), ...deckset.read(body, bodyStart + 1, meta) };
}
const fixture = (name: string) => read(path.join(DIR, name));

describe('Deckset corpus', () => {
  it.each(FIXTURES)('%s is detected as Deckset', (file) => expect(fixture(file).detected).toBe(true));

  it.each([
    ...readdirSync('decks').filter((f) => f.endsWith('.md')).map((f) => path.join('decks', f)),
    ...readdirSync('tests/fixtures/decks').filter((f) => f.endsWith('.md')).map((f) => path.join('tests/fixtures/decks', f)),
    ...readdirSync('tests/fixtures/dialects/marp').filter((f) => f.endsWith('.md')).map((f) => path.join('tests/fixtures/dialects/marp', f)),
  ])('does not claim %s', (file) => expect(read(file).detected).toBe(false));

  it('settings: top commands apply to every slide, per-slide commands override them', () => {
    const deck = fixture('settings.md');
    expect(deck.meta).toEqual({ theme: 'default' });
    expect(deck.slides.map((s) => s.settings)).toEqual([
      { footer: 'Lectern meetup 2024', paginate: 'true' },
      {},
      { footer: 'A different footer', paginate: 'true' },
    ]);
    expect(deck.slides[0]!.notes).toBe('Welcome everyone.');
    expect(deck.slides[0]!.body).not.toContain('slidenumbers');
    expect(deck.dropped.map((d) => d.what)).toEqual(['autoscale: true: a Deckset setting Lectern does not apply']);
  });

  it('notes: ^ paragraphs, never inside code or comments', () => {
    const deck = fixture('notes.md');
    expect(deck.slides.map((s) => s.notes)).toEqual(['This paragraph is a note.\nIt continues on the next line.\n\nA second note paragraph.', '']);
    expect(deck.slides[0]!.body).not.toContain('^');
    expect(deck.slides[1]!.body).toContain('^ not a note inside code\n---');
  });

  it('builds: build-lists makes items steps, [.build-lists: false] stops it, code highlights step', () => {
    const [bullets, ordered, still, code] = fixture('builds.md').slides;
    expect(bullets!.body).toMatch(/^\+ First\n\+ Second\n\+ Third$/m);
    expect(ordered!.body).toContain('1. One <!-- .element: class="fragment" -->');
    expect(still!.body).toMatch(/^- Shown at once$/m);
    expect(code!.body).toContain('```js {all|2|3-4}');
    expect(code!.body).not.toContain('[.code-highlight');
  });

  it('dividers: slide-dividers splits before those headings, --- still splits', () => {
    const deck = fixture('dividers.md');
    expect(deck.slides.map((s) => s.body.trim().split('\n')[0])).toEqual(['# Part one', '## A point', '## Another point', 'Text after an explicit break.']);
    expect(deck.slides[1]!.body).toContain('### Stays on the slide');
    expect(deck.slides.map((s) => s.line)).toEqual([1, 7, 13, 16]);
  });

  it('images: backgrounds, side images, inline images, [fit] headings', () => {
    const deck = fixture('images.md');
    expect(deck.slides[0]!.body).toMatch(/::: fit\n# Images in Deckset\n:::/);
    expect(deck.slides.map((s) => s.settings)).toEqual([
      {},
      { background: 'photo.png' },
      { layout: 'image-left', image: 'photo.png' },
      { layout: 'image-right', image: 'chart.png' },
      {},
      { background: 'photo.png' },
    ]);
    expect(deck.slides[4]!.body).toContain('![](chart.png)');
    for (const slide of deck.slides) expect(slide.body).not.toMatch(/!\[(left|right|fit)/);
    expect(deck.dropped.map((d) => d.line)).toEqual([20, 33]);
  });

  it('columns: the first two [.column] become ::left:: and ::right::; colours kept, fonts dropped', () => {
    const [slide] = fixture('columns.md').slides;
    expect(slide!.body).toMatch(/::left::\n\n## Left[\s\S]*::right::\n\n## Right/);
    expect(slide!.settings).toEqual({ background: '#0b3d2e', color: '#ffffff' });
    expect(slide!.notes).toBe('Compare the two columns.');
  });
});
