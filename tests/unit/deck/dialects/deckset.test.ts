import { describe, expect, it } from 'vitest';
import { deckset } from '../../../../server/deck/dialects/deckset.js';

const read = (text: string) => deckset.read(text.split('\n'), 1, {});

describe('Deckset dialect', () => {
  it('claims top commands, [.commands], ^ notes and [fit] headings only', () => {
    expect(deckset.detect({}, 'build-lists: true\n\n# A')).toBe(true);
    expect(deckset.detect({}, '# A\n\n[.column]\n\nx')).toBe(true);
    expect(deckset.detect({}, '# A\n\n^ a note')).toBe(true);
    expect(deckset.detect({}, '# [fit] Big')).toBe(true);
    expect(deckset.detect({}, '# A\n\n---\n\nNote: hi')).toBe(false);
    expect(deckset.detect({}, 'footer: x\n\n# A')).toBe(false);
    expect(deckset.detect({}, '```\n[.column]\n^ x\n```')).toBe(false);
  });

  it('leaves the top commands out of the first slide and keeps its line numbers', () => {
    const { slides } = read('slidenumbers: true\nfooter: F\n\n# A\n\n---\n\n# B');
    expect(slides[0]!.body.trim()).toBe('# A');
    expect(slides[0]!.body.split('\n')).toHaveLength(5);
    expect(slides[1]!.settings).toEqual({ footer: 'F', paginate: 'true' });
  });

  it('never splits on --- in code, and a comment hides commands', () => {
    const { slides } = read('# A\n\n```\n---\n```\n\n<!--\n[.background-color: red]\n---\n-->\n');
    expect(slides).toHaveLength(1);
    expect(slides[0]!.settings).toEqual({});
  });

  it('a single code highlight is reported, not a step', () => {
    const result = read('[.code-highlight: 2]\n```js\na\nb\n```');
    expect(result.slides[0]!.body).toContain('```js\n');
    expect(result.dropped[0]!.line).toBe(2);
  });

  it('never throws on odd input', () => {
    for (const text of ['', '---', '[.', '[.column]', '![](', '^', 'theme: \n', '<!--', '# [fit]', 'slide-dividers: #######\n# a']) {
      expect(() => read(text)).not.toThrow();
    }
    expect(read('\n---\n').slides).toEqual([]);
  });
});
