import { describe, expect, it } from 'vitest';
import { DeckError } from '../../../server/deck/errors.js';
import { parseDeckSource } from '../../../server/deck/dialects/index.js';

const FILE = '/decks/talk.md';
const bodies = (src: string) => parseDeckSource(src, FILE).slides.map((s) => s.body.replace(/^\n+/, '').trimEnd());

describe('slide splitting', () => {
  it('splits on a line holding only ---', () => {
    expect(bodies('# A\n---\n# B\n---\n# C')).toEqual(['# A', '# B', '# C']);
  });

  it('accepts trailing spaces and tabs after ---', () => {
    expect(bodies('one\n---   \ntwo\n--- \t\nthree')).toEqual(['one', 'two', 'three']);
  });

  it('does not split on ----, *** or an indented ---', () => {
    expect(bodies('a\n\n----\n\nb\n\n***\n\n c\n ---\nd')).toHaveLength(1);
  });

  it('never splits inside a ``` fence', () => {
    expect(bodies('# A\n```yaml\n---\nkey: 1\n---\n```\n---\n# B')).toEqual(['# A\n```yaml\n---\nkey: 1\n---\n```', '# B']);
  });

  it('never splits inside a ~~~ fence, and a ``` line does not close it', () => {
    const slides = bodies('~~~md\n```\n---\n~~~\n---\nnext');
    expect(slides).toEqual(['~~~md\n```\n---\n~~~', 'next']);
  });

  it('needs a closing fence at least as long as the opener', () => {
    expect(bodies('````\n```\n---\n````\n---\nafter')).toEqual(['````\n```\n---\n````', 'after']);
  });

  it('treats a fence indented by one to three spaces as a fence', () => {
    expect(bodies(' ```\n---\n ```\n---\nb')).toEqual([' ```\n---\n ```', 'b']);
    expect(bodies('   ~~~\n---\n   ~~~\n---\nb')).toHaveLength(2);
  });

  it('treats four spaces of indent as indented code, not a fence', () => {
    expect(bodies('    ```\n---\nb')).toEqual(['    ```', 'b']);
  });

  it('splits on --- right after a list line (never a setext heading)', () => {
    expect(bodies('- one\n- two\n---\nnext')).toEqual(['- one\n- two', 'next']);
  });

  it('splits on --- right after a paragraph line (never a setext heading)', () => {
    expect(bodies('Just a sentence\n---\nnext')).toEqual(['Just a sentence', 'next']);
  });

  it('does not split inside a multi-line HTML comment', () => {
    const { slides } = parseDeckSource('a\n<!--\n---\n-->\n---\nb', FILE);
    expect(slides).toHaveLength(2);
    expect(slides[0]?.notes).toBe('---');
  });

  it('drops whitespace-only chunks (leading, doubled and trailing separators)', () => {
    expect(bodies('---\n\n---\n# A\n---\n   \n\t\n---\n# B\n---\n\n')).toEqual(['# A', '# B']);
  });

  it('records the 1-based file line each slide starts on', () => {
    const { slides } = parseDeckSource('---\ntitle: T\n---\n# A\n---\n# B', FILE);
    expect(slides.map((s) => s.line)).toEqual([4, 6]);
  });

  it('handles CRLF line endings and a BOM', () => {
    expect(bodies('\uFEFF# A\r\n---\r\n# B\r\n')).toEqual(['# A', '# B']);
  });
});

describe('front matter', () => {
  it('is parsed as YAML and is not a slide', () => {
    const parsed = parseDeckSource('---\ntitle: My talk\ntags: [a, b]\n---\n# First', FILE);
    expect(parsed.meta).toEqual({ title: 'My talk', tags: ['a', 'b'] });
    expect(parsed.slides.map((s) => s.body.trim())).toEqual(['# First']);
  });

  it('only counts at the very top', () => {
    const parsed = parseDeckSource('# A\n---\ntitle: x\n---\n# C', FILE);
    expect(parsed.meta).toEqual({});
    expect(parsed.slides).toHaveLength(3);
  });

  it('rejects malformed YAML with a DeckError naming the file', () => {
    const bad = () => parseDeckSource('---\ntitle: [unclosed\n---\n# A', FILE);
    expect(bad).toThrow(DeckError);
    expect(bad).toThrow(/\/decks\/talk\.md.*malformed front matter/);
  });

  it('rejects front matter that is a list, not key: value lines', () => {
    expect(() => parseDeckSource('---\n- a\n- b\n---\n# A', FILE)).toThrow(/key: value/);
  });

  it('refuses a leading block that is only a heading rather than silently dropping it', () => {
    expect(() => parseDeckSource('---\n# Intro\n---\n# Next', FILE)).toThrow(/not front matter/);
  });

  it('accepts an empty block', () => {
    expect(parseDeckSource('---\n---\n# A', FILE)).toMatchObject({ meta: {}, slides: [{ body: '# A' }] });
  });
});

describe('speaker notes', () => {
  it('takes everything after a Note: line (any case, Notes: too)', () => {
    const [a, b] = parseDeckSource('# A\nshown\nNote:\nsecret one\n\nmore\n---\n# B\nNOTES: secret two', FILE).slides;
    expect(a).toMatchObject({ body: '# A\nshown', notes: 'secret one\n\nmore' });
    expect(b).toMatchObject({ body: '# B', notes: 'secret two' });
  });

  it('moves HTML comments, single- and multi-line, into notes', () => {
    const [slide] = parseDeckSource('# A\ntext <!-- inline --> after\n<!--\nline one\nline two\n-->\nend', FILE).slides;
    expect(slide?.body).not.toContain('inline');
    expect(slide?.body).not.toContain('line one');
    expect(slide?.body).toContain('text  after');
    expect(slide?.body).toContain('end');
    expect(slide?.notes).toBe('inline\n\nline one\nline two');
  });

  it('keeps Note: and comments inside fences as slide content', () => {
    const src = '```md\nNote: not a note\n<!-- not a note -->\n```';
    expect(parseDeckSource(src, FILE).slides[0]).toMatchObject({ body: src, notes: '' });
  });

  it('keeps <!-- inside inline code as content', () => {
    expect(parseDeckSource('Use `<!-- x -->` for comments', FILE).slides[0]?.notes).toBe('');
  });

  it('keeps a slide whose only content is notes (a blank slide with notes)', () => {
    expect(parseDeckSource('# A\n---\n<!-- pause here -->', FILE).slides[1]).toMatchObject({ notes: 'pause here' });
  });
});
