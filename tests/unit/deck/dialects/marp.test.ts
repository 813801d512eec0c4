import { describe, expect, it } from 'vitest';
import { marp } from '../../../../server/deck/dialects/marp.js';

const read = (text: string, meta: Record<string, unknown> = { marp: true }) => marp.read(text.split('\n'), 5, meta);

describe('Marp dialect', () => {
  it('claims marp: true, headingDivider or spot directives, and nothing else', () => {
    expect(marp.detect({ marp: true }, '# x')).toBe(true);
    expect(marp.detect({ headingDivider: 2 }, '# x')).toBe(true);
    expect(marp.detect({}, '# x\n\n<!-- _class: lead -->')).toBe(true);
    expect(marp.detect({}, '# x\n\n---\n\n<!-- layout: center -->\n\nNote: hi')).toBe(false);
    expect(marp.detect({ theme: 'gaia' }, '# x')).toBe(false);
  });

  it('splits on every top-level thematic break, never in code or a setext heading', () => {
    const { slides } = read('# A\n\n***\n\nB\n---\n\n```\n---\n```\n\n___\n\n- - -\n\nC');
    expect(slides.map((s) => s.body.trim())).toEqual(['# A', 'B\n---\n\n```\n---\n```', '', 'C']);
    expect(slides.map((s) => s.line)).toEqual([5, 8, 17, 19]);
  });

  it('splits before divider headings once content came before, as Marpit does', () => {
    const { slides } = read('<!-- headingDivider: [1, 3] -->\n# A\n## stays\n### B\n# C');
    expect(slides.map((s) => s.body.trim())).toEqual(['# A\n## stays', '### B', '# C']);
  });

  it('takes comments as notes, directives and linter comments as neither', () => {
    const { slides } = read('# A <!-- in heading -->\n\n<!-- one -->\n<!-- paginate: true -->\n<!-- prettier-ignore -->\n<!-- note: yaml-looking -->');
    expect(slides[0]!.notes).toBe('in heading\n\none\n\nnote: yaml-looking');
    expect(slides[0]!.body).not.toContain('<!--');
    expect(slides[0]!.settings.paginate).toBe('true');
  });

  it('carries local directives forward and spot ones for one slide', () => {
    const { slides } = read('<!-- color: red -->\n<!-- _class: lead -->\nA\n\n---\n\nB\n<!-- _color: blue -->\n\n---\n\nC', { marp: true, footer: 'F' });
    expect(slides.map((s) => s.settings)).toEqual([
      { color: 'red', class: 'lead', layout: 'center', footer: 'F' },
      { color: 'blue', footer: 'F' },
      { color: 'red', footer: 'F' },
    ]);
  });

  it('an unclosed comment runs to the end, as in Marpit', () => {
    const { slides } = read('A\n\n<!-- open\n\n---\n\nB');
    expect(slides).toHaveLength(1);
    expect(slides[0]!.body.trim()).toBe('A');
  });

  it('never throws on odd input', () => {
    for (const text of ['', '---', '<!--', '![bg](', '* \n---\n*', '# <!--fit-->', '<!-- headingDivider: 9 -->\n# a\n# b', '> # q\n> ---\n***', '<!-- backgroundImage: linear-gradient(red, blue) -->']) {
      expect(() => read(text)).not.toThrow();
    }
    expect(read('\n\n').slides).toEqual([]);
  });

  it('reports a gradient background and keeps no setting for it', () => {
    const result = read('<!-- backgroundImage: "linear-gradient(red, blue)" -->\n# A');
    expect(result.slides[0]!.settings.background).toBeUndefined();
    expect(result.dropped[0]!.line).toBe(5);
  });
});
