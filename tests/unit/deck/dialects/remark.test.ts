/**
 * remark, string in → slides out. Expected values follow remark's source (gnab/remark
 * src/remark/lexer.js: separators `---`, `--`, `???` alone on a line, content classes `.x[…]`;
 * parser.js: properties at the top of a slide, `exclude: true`; models/slideshow.js and
 * models/slide.js: `layout: true` templates, `template:`, `--` continuing the previous slide,
 * class properties added up) and its wiki's "Markdown" page.
 */
import { describe, expect, it } from 'vitest';
import { parseDeckSource } from '../../../../server/deck/dialects/index.js';
import { remark } from '../../../../server/deck/dialects/remark.js';

const FILE = '/decks/talk.md';
const read = (source: string) => parseDeckSource(source, FILE);
const tidy = (body: string) => body.replace(/\n{3,}/g, '\n\n').trim();
const bodies = (source: string) => read(source).slides.map((s) => tidy(s.body));

describe('remark detection', () => {
  it('claims a deck by its ??? notes or its slide properties, without front matter', () => {
    expect(read('# A\n\n???\nnotes').dialect).toBe('remark');
    expect(read('class: center, middle\n\n# Title\n\n---\n\n# B').dialect).toBe('remark');
    expect(read('# A\n---\nbackground-image: url(photo.png)\n\n# B').dialect).toBe('remark');
    expect(read('name: base\nlayout: true\nclass: inverse\n---\n# A').dialect).toBe('remark');
    expect(read('---\ntitle: x\noutput: xaringan::moon_reader\n---\n# A').dialect).toBe('remark');
  });

  it('does not claim -- alone (reveal.js, Obsidian), prose with colons, or Slidev slide front matter', () => {
    expect(read('# A\n\n--\n\n# B').dialect).not.toBe('remark');
    expect(read('# Plan\n\nNote: bring snacks\n\n---\n\nname: Alice').dialect).not.toBe('remark');
    expect(read('# A\n\n---\nlayout: center\nclass: text-white\n---\n\n# B').dialect).not.toBe('remark');
  });
});

describe('remark slides', () => {
  it('--- separates slides; first lines are properties, not front matter', () => {
    const { slides } = read('class: center, middle\n\n# Title\n\n---\n\n# Two');
    expect(slides.map((s) => tidy(s.body))).toEqual(['# Title', '# Two']);
    expect(slides.map((s) => s.settings)).toEqual([{ layout: 'center' }, {}]);
    expect(slides.map((s) => s.line)).toEqual([1, 6]);
  });

  it('-- continues the slide one step later (a pause), never a new slide', () => {
    expect(bodies('---\ndialect: remark\n---\n# A\n\n- one\n--\n- two\n--\n- three\n---\n# B')).toEqual(['# A\n\n- one\n\n. . .\n\n- two\n\n. . .\n\n- three', '# B']);
  });

  it('--- with trailing spaces or ---- is no separator (lexer.js needs the line exact)', () => {
    expect(bodies('???\n\n# A\n---  \n# B\n----\n# C')).toHaveLength(1);
  });

  it('??? starts the notes; each build step keeps its own, joined', () => {
    const [slide] = read('# A\n???\nfirst note\n--\nmore\n???\nsecond note').slides;
    expect(tidy(slide!.body)).toBe('# A\n\n. . .\n\nmore');
    expect(slide!.notes).toBe('first note\n\nsecond note');
  });

  it('separators and properties inside fenced code are code', () => {
    const [slide] = read('???\n---\n# A\n```\n---\n--\n???\nclass: x\n```').slides;
    expect(slide!.body).toContain('```\n---\n--\n???\nclass: x\n```');
  });
});

describe('remark properties and templates', () => {
  it('class keeps other classes; background-image: url() is the background; name is silent', () => {
    const [slide] = read('name: intro\nclass: inverse, center, middle\nbackground-image: url(photo.png)\n\n# A').slides;
    expect(slide!.settings).toEqual({ layout: 'center', class: 'inverse', background: 'photo.png' });
    expect(tidy(slide!.body)).toBe('# A');
  });

  it('layout: true is not shown; its content and classes go to the slides after it until layout: false', () => {
    const { slides } = read('layout: true\nclass: brand\n\nHeader\n\n---\n\n# One\n\n---\n\n# Two\n\n---\nlayout: false\n\n# Three');
    expect(slides.map((s) => tidy(s.body))).toEqual(['Header\n\n# One', 'Header\n\n# Two', '# Three']);
    expect(slides.map((s) => s.settings.class)).toEqual(['brand', 'brand', undefined]);
  });

  it('template: name prepends the named slide, or fills its {{content}}; classes add up', () => {
    const { slides } = read('???\n---\nname: frame\nclass: a\n\n<div>{{content}}</div>\n---\ntemplate: frame\nclass: b\n\ninside');
    expect(slides.map((s) => tidy(s.body))).toEqual(['<div></div>', '<div>\n\ninside</div>']);
    expect(slides[1]!.settings.class).toBe('a b');
  });

  it('exclude: true removes the slide; count: false is reported', () => {
    const { slides, dropped } = read('???\n---\nexclude: true\n\n# Gone\n---\ncount: false\n\n# Kept');
    expect(slides.map((s) => tidy(s.body))).toEqual(['# Kept']);
    expect(dropped).toEqual([{ line: 7, what: expect.stringContaining('count: false') }]);
  });

  it('{{ name }} shows a property; \\{{x}} stays as written', () => {
    expect(bodies('???\n---\nwho: World\n\nHello {{ who }} \\{{who}}')[0]).toBe('Hello World {{who}}');
  });
});

describe('remark content classes', () => {
  it('.class[text] keeps its text, reported once per class; escaped and code ones stay', () => {
    const { slides, dropped } = read('???\n---\n.red[hot] and .red[cold] \\.blue[x] `.green[y]`');
    expect(tidy(slides[0]!.body)).toBe('hot and cold .blue[x] `.green[y]`');
    expect(dropped).toEqual([{ line: 3, what: expect.stringContaining('.red[') }]);
  });

  it('.left-column[…] / .right-column[…] become the two columns', () => {
    expect(bodies('???\n---\n.left-column[\n## Nav\n]\n.right-column[\nBody\n]')[0]).toBe('::left::\n\n## Nav\n\n::right::\n\nBody');
  });

  it('an unwrapped span never turns into a list item', () => {
    expect(bodies('???\n---\n.footnote[.red[*] Note]')[0]).toBe('\\* Note');
  });

  it('odd input never throws: unbalanced brackets, lone separators, empty file', () => {
    for (const source of ['.red[never closed\n???', '---\n--\n???\n---', '', '???', 'layout: true\n--\ntemplate: nowhere\n???', '--\n--\n.a[.b[\n]]]]']) {
      expect(() => remark.read(source.split('\n'), 1, {})).not.toThrow();
    }
    expect(tidy(read('???\n---\n.red[never closed').slides[0]!.body)).toBe('.red[never closed');
  });
});
