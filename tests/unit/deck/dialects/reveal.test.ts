import { describe, expect, it } from 'vitest';
import { parseDeckSource } from '../../../../server/deck/dialects/index.js';
import { reveal } from '../../../../server/deck/dialects/reveal.js';

const FILE = '/decks/talk.md';
const parse = (src: string) => parseDeckSource(src, FILE);
const read = (src: string) => parse(`---\ndialect: reveal\n---\n${src}`);
const bodies = (src: string) => read(src).slides.map((s) => s.body.trim());

describe('reveal.js: splitting', () => {
  it('splits on --- and numbers vertical slides under their horizontal one', () => {
    const { slides } = read('# A\n\n---\n\n# B\n\n--\n\n# B1\n\n--\n\n# B2\n\n---\n\n# C');
    expect(slides.map((s) => s.body.trim())).toEqual(['# A', '# B', '# B1', '# B2', '# C']);
    expect(slides.map((s) => s.label)).toEqual(['1', '2', '2.1', '2.2', '3']);
  });

  it('reads ---- as a vertical separator too (reveal-md)', () => {
    expect(read('# A\n\n----\n\n# A1').slides.map((s) => s.label)).toEqual(['1', '1.1']);
  });

  it('gives no labels when the deck has no vertical slides', () => {
    expect(read('# A\n---\n# B').slides.map((s) => s.label)).toEqual([undefined, undefined]);
  });

  it('never splits inside fenced code', () => {
    expect(bodies('# A\n```\n---\n--\nNote: x\n```\n---\n# B')).toEqual(['# A\n```\n---\n--\nNote: x\n```', '# B']);
  });

  it('takes separators from the front matter', () => {
    const { slides } = parse('---\nseparator: <!--s-->\nverticalSeparator: <!--v-->\n---\n# A\n<!--s-->\n# B\n<!--v-->\n# B1');
    expect(slides.map((s) => [s.body.trim(), s.label])).toEqual([['# A', '1'], ['# B', '2'], ['# B1', '2.1']]);
  });

  it('falls back to the default on a broken separator regex, and says so', () => {
    const result = parse('---\nseparator: "(["\n---\n# A\n\n---\n\n# B');
    expect(result.slides).toHaveLength(2);
    expect(result.dropped[0]?.what).toMatch(/separator.*not a valid regular expression/);
  });

  it('keeps the file line of each slide', () => {
    expect(read('# A\n\n---\n\n# B').slides.map((s) => s.line)).toEqual([4, 7]);
  });

  it('survives odd input', () => {
    for (const src of ['', '---', '--\n--\n--', '<!--', '<!-- .slide: data-background="', '```\n---', 'Note:', '\n---\n\n---\n']) {
      expect(() => read(src)).not.toThrow();
    }
  });
});

describe('reveal.js: notes', () => {
  it('a Note: or Notes: line starts the notes, to the end of the slide', () => {
    const { slides } = read('# A\n\nNote: first\nmore\n\n---\n\n# B\n\nnotes:\nsecond');
    expect(slides.map((s) => [s.body.trim(), s.notes])).toEqual([['# A', 'first\nmore'], ['# B', 'second']]);
  });

  it('a plain comment is no note and stays invisible in the body', () => {
    const [slide] = read('# A\n\n<!-- remember the joke -->').slides;
    expect(slide?.notes).toBe('');
    expect(slide?.body).toContain('<!-- remember the joke -->');
  });
});

describe('reveal.js: annotations', () => {
  it('.slide: backgrounds become the slide background', () => {
    const backgrounds = read(
      '<!-- .slide: data-background="#ff0000" -->\n# A\n---\n<!-- .slide: data-background-color="navy" -->\n# B\n---\n<!-- .slide: data-background-image="photo.png" -->\n# C\n---\n<!-- .slide: data-background="bg.jpg" -->\n# D',
    ).slides.map((s) => s.settings.background);
    expect(backgrounds).toEqual(['#ff0000', 'navy', 'photo.png', 'bg.jpg']);
  });

  it('.slide: class is the slide class; transitions and the rest are dropped with their line', () => {
    const result = read('# A\n\n<!-- .slide: class="quiet" data-transition="zoom" data-auto-animate -->\n');
    expect(result.slides[0]?.settings).toEqual({ class: 'quiet' });
    expect(result.slides[0]?.body).not.toContain('slide');
    expect(result.dropped.map((d) => [d.line, d.what])).toEqual([
      [6, expect.stringMatching(/data-transition="zoom".*does not animate/)],
      [6, expect.stringMatching(/data-auto-animate.*does not auto-animate/)],
    ]);
  });

  it('a remote background image is dropped, not fetched', () => {
    const result = read('<!-- .slide: data-background-image="https://example.com/a.png" -->\n# A');
    expect(result.slides[0]?.settings).toEqual({});
    expect(result.dropped[0]?.what).toMatch(/remote/);
  });

  it('a hidden slide is left out, and numbering skips it as reveal.js does', () => {
    const result = read('# A\n---\n<!-- .slide: data-visibility="hidden" -->\n# Hidden\n---\n# C\n--\n# C1');
    expect(result.slides.map((s) => [s.body.trim(), s.label])).toEqual([['# A', '1'], ['# C', '2'], ['# C1', '2.1']]);
    expect(result.dropped[0]?.what).toMatch(/hidden/);
  });

  it('a fragment .element: stays in the body as the step marker; other element attributes are dropped', () => {
    const result = read('- a <!-- .element: class="fragment" -->\n\nText <!-- .element: class="r-fit-text" style="color: red" -->');
    expect(result.slides[0]?.body).toBe('- a <!-- .element: class="fragment" -->\n\nText ');
    expect(result.dropped.map((d) => d.what)).toEqual([expect.stringMatching(/class="r-fit-text"/), expect.stringMatching(/style=/)]);
  });

  it('annotations in the notes never show in the notes', () => {
    expect(read('# A\n\nNote: say it <!-- .element: class="fragment" -->').slides[0]?.notes).toBe('say it');
  });

  it('a multi-line .slide: comment keeps later lines on their numbers', () => {
    const [slide] = read('<!-- .slide:\n  data-background="red" -->\n# A').slides;
    expect(slide?.settings.background).toBe('red');
    expect(slide?.body.split('\n')).toEqual(['', '', '# A']);
  });

  it('a deck transition in revealOptions is reported', () => {
    const result = parse('---\nrevealOptions:\n  transition: fade\n---\n# A');
    expect(result.dialect).toBe('reveal');
    expect(result.dropped[0]).toEqual({ line: 1, what: expect.stringMatching(/transition: fade/) });
  });
});

describe('reveal.js: detection', () => {
  const detect = (body: string, meta: Record<string, unknown> = {}) => reveal.detect(meta, body);

  it('claims .slide: and .element: annotations', () => {
    expect(detect('# A\n<!-- .slide: data-background="red" -->')).toBe(true);
    expect(detect('- a <!-- .element: class="fragment" -->')).toBe(true);
  });

  it('claims reveal-md front matter', () => {
    expect(detect('# A', { revealOptions: {} })).toBe(true);
    expect(detect('# A', { verticalSeparator: '^--$' })).toBe(true);
  });

  it('claims a -- line with Note: lines', () => {
    expect(detect('# A\n\n--\n\n# B\n\nNote: hi')).toBe(true);
  });

  it('leaves remark decks (-- builds with ??? notes), plain Lectern decks and code samples alone', () => {
    expect(detect('# A\n\n--\n\nmore\n\n???\nnotes\n\nNote: x')).toBe(false);
    expect(detect('# A\n\nNote: hi\n\n---\n\n# B\n\n<!-- layout: center -->')).toBe(false);
    expect(detect('```html\n<!-- .slide: data-background="red" -->\n```')).toBe(false);
    expect(detect('Write `<!-- .element: class="fragment" -->` after a paragraph.')).toBe(false);
  });
});
