import { describe, expect, it } from 'vitest';
import { parseDeckSource } from '../../../../server/deck/dialects/index.js';
import { obsidian } from '../../../../server/deck/dialects/obsidian.js';

const FILE = '/vault/talk.md';
const parse = (src: string) => parseDeckSource(src, FILE);
const read = (src: string) => parse(`---\ndialect: obsidian\n---\n${src}`);
const bodies = (src: string) => read(src).slides.map((s) => s.body.trim());

describe('Obsidian: splitting and notes', () => {
  it('splits on --- and vertical --, labelled 2 and 2.1', () => {
    const { slides } = read('# A\n\n---\n\n# B\n\n--\n\n# B1');
    expect(slides.map((s) => [s.body.trim(), s.label])).toEqual([['# A', '1'], ['# B', '2'], ['# B1', '2.1']]);
  });

  it('----, unlike reveal-md, is no separator', () => {
    expect(bodies('# A\n\n----\n\n# B')).toHaveLength(1);
  });

  it('a line starting note: starts the notes; Notes: is Advanced Slides text', () => {
    const { slides } = read('# A\n\nnote: say this\n- and this\n\n---\n\n# B\n\nNotes: shown');
    expect(slides.map((s) => s.notes)).toEqual(['say this\n- and this', '']);
    expect(slides[1]?.body).toContain('Notes: shown');
  });

  it('takes notesSeparator from the front matter', () => {
    expect(parse('---\nenableLinks: false\nnotesSeparator: "^speaker:"\n---\n# A\n\nspeaker: hi').slides[0]?.notes).toBe('hi');
  });
});

describe('Obsidian: embeds and links', () => {
  it('image embeds become sized Markdown images', () => {
    expect(bodies('![[a.png]] ![[b.jpg|300]] ![[c.png|300x100]] ![[my pic.png|a cat]]')).toEqual([
      '![a.png](a.png) ![b.jpg|300](b.jpg) ![c.png|300x100](c.png) ![a cat](<my pic.png>)',
    ]);
  });

  it('a note embed shows a placeholder and is reported', () => {
    const result = read('# A\n\n![[Other note]]\n\n![[Report.pdf]]');
    expect(result.slides[0]?.body).toContain('*(embedded note: Other note)*');
    expect(result.slides[0]?.body).toContain('*(embedded file: Report.pdf)*');
    expect(result.dropped.map((d) => d.line)).toEqual([6, 8]);
    expect(result.dropped[0]?.what).toMatch(/!\[\[Other note\]\]/);
  });

  it('wikilinks show their text; inline code and fenced code are left alone', () => {
    expect(bodies('See [[Plan]] and [[Plan#Goals|the goals]], not `[[code]]`.\n\n```\n![[x]]\n[[y]]\n```')).toEqual([
      'See Plan and the goals, not `[[code]]`.\n\n```\n![[x]]\n[[y]]\n```',
    ]);
  });
});

describe('Obsidian: annotations, builds and Obsidian markup', () => {
  it('<!-- slide bg="…" --> sets the background: colour, [[image]] or the reveal spelling', () => {
    const backgrounds = read(
      '<!-- slide bg="aquamarine" -->\n# A\n---\n<!-- slide bg="[[photo.png]]" -->\n# B\n---\n<!-- .slide: data-background-color="navy" -->\n# C',
    ).slides.map((s) => s.settings.background);
    expect(backgrounds).toEqual(['aquamarine', 'photo.png', 'navy']);
  });

  it('bg: in the front matter is every slide background unless a slide sets its own', () => {
    const { slides } = parse('---\nbg: "#222"\nenableLinks: false\n---\n# A\n---\n<!-- slide bg="red" -->\n# B');
    expect(slides.map((s) => s.settings.background)).toEqual(['#222', 'red']);
  });

  it('skip="true" hides the slide', () => {
    expect(bodies('# A\n---\n<!-- slide skip="true" -->\n# B\n---\n# C')).toEqual(['# A', '# C']);
  });

  it('a fragment element annotation is kept as the step marker', () => {
    expect(bodies('Fade in <!-- element class="fragment" -->')).toEqual(['Fade in <!-- .element: class="fragment" -->']);
  });

  it('+ lists stay; ordered items written 1) build with a marker each', () => {
    expect(bodies('+ a\n+ b\n\n1. keep\n2) then\n3) last')).toEqual([
      '+ a\n+ b\n\n1. keep\n2) then <!-- .element: class="fragment" -->\n3) last <!-- .element: class="fragment" -->',
    ]);
  });

  it('%% comments %% are removed, ==highlights== marked, layout tags and ::: block unwrapped', () => {
    const result = read('%% private %%\nA ==key== word %% aside %%\n\n%%\nmany\nlines\n%%\n<split even>\n\ntext\n\n</split>\n::: block\ninside\n:::\n\n::: fragment\nlater\n:::');
    expect(result.slides[0]?.body.split('\n').map((l) => l.trimEnd())).toEqual(['', 'A <mark>key</mark> word', '', '', '', '', '', '', '', 'text', '', '', '', 'inside', '', '', '::: fragment', 'later', ':::']);
    expect(result.dropped.map((d) => d.what)).toEqual([expect.stringMatching(/<split>/), expect.stringMatching(/::: block/)]);
  });

  it('survives odd input', () => {
    for (const src of ['![[', '![[]]', '[[|]]', '%%', '<!-- slide', '<!-- element class="fragment"', '::: block', ':::\n:::', '2)']) {
      expect(() => read(src)).not.toThrow();
    }
  });
});

describe('Obsidian: detection', () => {
  const detect = (body: string, meta: Record<string, unknown> = {}) => obsidian.detect(meta, body);

  it('claims note embeds, Advanced Slides comments, tags, %% comments and front matter', () => {
    expect(detect('![[Other note]]')).toBe(true);
    expect(detect('Text <!-- element class="fragment" -->')).toBe(true);
    expect(detect('<!-- slide bg="red" -->\n# A')).toBe(true);
    expect(detect('<split even>\n\na\n\n</split>')).toBe(true);
    expect(detect('%% a private thought %%')).toBe(true);
    expect(detect('# A', { enableLinks: true })).toBe(true);
  });

  it('an image embed alone is Lectern Markdown too, and claims nothing', () => {
    expect(detect('# A\n\n![[rack.png|160]]\n\n<!-- a note -->')).toBe(false);
  });

  it('leaves reveal.js spelling, prose comments and code alone', () => {
    expect(detect('<!-- .slide: data-background="red" -->')).toBe(false);
    expect(detect('<!-- slides for later: trim -->')).toBe(false);
    expect(detect('```\n![[Other note]]\n```\n`<!-- element x -->`')).toBe(false);
    expect(detect('It grew 50%% and 20%%.', { theme: 'dark' })).toBe(false);
  });
});
