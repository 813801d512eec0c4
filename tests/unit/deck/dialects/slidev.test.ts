import { describe, expect, it } from 'vitest';
import { parseDeckSource } from '../../../../server/deck/dialects/index.js';
import { slidev } from '../../../../server/deck/dialects/slidev.js';

const read = (source: string) => parseDeckSource(source, '/decks/talk.md');
const bodies = (source: string) => read(source).slides.map((s) => s.body.trim());
const HEAD = '---\ntheme: seriph\n---\n';

describe('Slidev detection', () => {
  it('claims decks with Slidev config keys, themes or click markers', () => {
    expect(slidev.detect({ highlighter: 'shiki' }, '# A')).toBe(true);
    expect(slidev.detect({ theme: 'seriph' }, '# A')).toBe(true);
    expect(slidev.detect({}, '# A\n\n<v-click>\n\nB\n\n</v-click>')).toBe(true);
    expect(slidev.detect({}, '# A\n\n<div v-click>B</div>')).toBe(true);
    expect(slidev.detect({}, '---\nlayout: two-cols\n---\n\n# L\n\n::right::\n\nR')).toBe(true);
  });

  it('leaves Lectern, Marp, remark and quoted Slidev alone', () => {
    expect(slidev.detect({ title: 'T', colorSchema: 'dark', theme: 'default' }, '# A\n\n---\n\n# B')).toBe(false);
    expect(slidev.detect({}, '<!-- layout: two-columns -->\n\n# A\n\n::right::\n\nB')).toBe(false);
    expect(slidev.detect({}, '# About Slidev\n\n```md\n<v-click>x</v-click>\n```\n\nUse `<v-click>` for steps.')).toBe(false);
    expect(slidev.detect({}, 'class: center, middle\n\n# A\n\n---\nlayout: true\n\n.left-column[x]')).toBe(false);
    expect(slidev.detect({ transition: 'zoom', theme: 'black' }, '# A')).toBe(false);
  });
});

describe('Slidev slides', () => {
  it('splits on --- and reads front matter after a separator as settings, never a slide', () => {
    const deck = read(`${HEAD}\n# One\n\n---\nlayout: center\nclass: big\nbackground: '#123456'\n---\n\n# Two\n\n---\n\n# Three\n`);
    expect(deck.dialect).toBe('slidev');
    expect(deck.slides.map((s) => s.body.trim())).toEqual(['# One', '# Two', '# Three']);
    expect(deck.slides[1]!.settings).toEqual({ layout: 'center', class: 'big', background: '#123456' });
    expect(deck.slides.map((s) => s.line)).toEqual([4, 12, 16]);
  });

  it('gives a slide without layout Slidev\'s: cover first, default after, or the headmatter defaults', () => {
    expect(read(`${HEAD}\n# A\n\n---\n\n# B\n`).slides.map((s) => s.settings.layout)).toEqual(['cover', 'default']);
    expect(read('---\ndefaults:\n  layout: center\n---\n\n# A\n').slides[0]!.settings.layout).toBe('center');
  });

  it('lends slide settings in the headmatter to the first slide', () => {
    const deck = read('---\ntheme: seriph\nlayout: cover\nbackground: /cover.png\n---\n\n# Cover\n');
    expect(deck.slides[0]!.settings).toEqual({ layout: 'cover', background: 'public/cover.png' });
  });

  it('reads a ```yaml block opening a slide as its front matter', () => {
    const deck = read(`${HEAD}\n# One\n\n---\n\n\`\`\`yaml\nlayout: fact\n\`\`\`\n\n# 42\n`);
    expect(deck.slides[1]!.settings).toEqual({ layout: 'fact' });
    expect(deck.slides[1]!.body.trim()).toBe('# 42');
  });

  it('never splits inside fenced code (``` or ~~~) or a comment', () => {
    const src = `${HEAD}\n# One\n\n\`\`\`\n---\na: b\n---\n\`\`\`\n\n~~~\n---\n~~~\n\n<!--\n---\n-->\n\nend\n`;
    expect(read(src).slides).toHaveLength(1);
  });

  it('takes only the last comment, when it ends the slide, as the notes', () => {
    const deck = read(`${HEAD}\n# One\n\n<!-- aside -->\n\ntext\n\n<!--\nThe **note**\n-->\n\n---\n\n# Two\n\n<!-- not last -->\n\ntext\n`);
    expect(deck.slides.map((s) => s.notes)).toEqual(['The **note**', '']);
    expect(deck.slides[0]!.body).not.toContain('aside');
    expect(deck.slides[1]!.body).not.toContain('<!--');
  });

  it('skips hidden and disabled slides and empty ones, and says so', () => {
    const deck = read(`${HEAD}\n# One\n\n---\nhide: true\n---\n\n# Hidden\n\n---\ndisabled: true\n---\n\n# Off\n\n---\n\n---\nlayout: end\n---\n`);
    expect(deck.slides.map((s) => s.body.trim() || s.settings.layout)).toEqual(['# One', 'end']);
    expect(deck.dropped.map((d) => d.line)).toEqual([8, 14, 20]);
  });

  it('maps layouts to the nearest of Lectern and drops what it lacks', () => {
    const deck = read(`${HEAD}\n# A\n\n---\nlayout: statement\n---\n\n# B\n\n---\nlayout: two-cols-header\n---\n\n# C\n\n---\nlayout: image\nimage: pic.png\n---\n\n---\nlayout: iframe\nurl: https://x.y\n---\n\n# D\n\n---\nlayout: image-left\nimage: https://x.y/p.png\n---\n\n# E\n\n---\nlayout: neversuch\ntransition: fade\nclicks: 3\nsrc: ./other.md\n---\n\n# F\n`);
    expect(deck.slides.map((s) => s.settings)).toEqual([{ layout: 'cover' }, { layout: 'center' }, { layout: 'two-columns' }, { layout: 'default', background: 'pic.png' }, { layout: 'default' }, { layout: 'image-left' }, { layout: 'default' }]);
    const what = deck.dropped.map((d) => d.what).join('\n');
    for (const word of ['iframe', 'image: https://x.y/p.png', 'neversuch', 'transition', 'clicks', 'src']) expect(what).toContain(word);
  });

  it('reports lines after --- that are not YAML: Slidev swallows them as front matter', () => {
    const deck = read(`${HEAD}\n# One\n---\n# Eaten\n---\n\n# Two\n`);
    expect(deck.slides.map((s) => s.body.trim())).toEqual(['# One', '# Two']);
    expect(deck.dropped[0]).toMatchObject({ line: 7 });
  });

  it('splits where Slidev does: a line starting with --- (----, a table rule)', () => {
    expect(bodies(`${HEAD}\n# One\n\n----\n# Two\n`)).toEqual(['# One', '# Two']);
  });

  it('never throws on odd input', () => {
    for (const src of ['', '---', '---\n---', '---\na: 1\n---\n---\n', '<!--', '```', '<v-click>', '</div></v-click>', '---\n\n---\nlayout: [\n---', '<div v-click><div v-after>']) {
      expect(() => slidev.read(src.split('\n'), 1, {})).not.toThrow();
    }
  });
});

describe('Slidev clicks and components', () => {
  it('turns v-click blocks into fragments and v-after into the same fragment', () => {
    const [body] = bodies(`${HEAD}\n<v-click>\n\nA\n\n</v-click>\n\n<div v-click class="x">B</div>\n<div v-after>C</div>\n`);
    expect(body).toBe('::: fragment\n\nA\n\n:::\n\n::: fragment\n<div class="x">B</div>\n\n<div>C</div>\n:::');
  });

  it('turns <v-clicks> over a list into ::: incremental, and drops options with a note', () => {
    const deck = read(`${HEAD}\n<v-clicks depth="2">\n\n- a\n- b\n\n</v-clicks>\n`);
    expect(deck.slides[0]!.body.trim()).toBe('::: incremental\n\n- a\n- b\n\n:::');
    expect(deck.dropped.map((d) => d.what).join()).toContain('depth');
  });

  it('nests fragments with longer outer markers', () => {
    const [body] = bodies(`${HEAD}\n<v-click>\n\nA\n\n<v-click>\n\nB\n\n</v-click>\n\n</v-click>\n`);
    expect(body).toBe(':::: fragment\n\nA\n\n::: fragment\n\nB\n\n:::\n\n::::');
  });

  it('shows inline and .hide clicks from the start, reported', () => {
    const deck = read(`${HEAD}\nSee <span v-click>this</span> and <v-click>that</v-click>.\n\n<div v-click.hide>gone</div>\n`);
    expect(deck.slides[0]!.body.trim()).toBe('See <span>this</span> and that.\n\n<div>gone</div>');
    expect(deck.dropped).toHaveLength(3);
  });

  it('strips Vue components, directives and expressions, keeping text; code stays code', () => {
    const deck = read(`${HEAD}\n<Tweet id="1" />\n<RenderWhen context="main">\n\nKept\n\n</RenderWhen>\n<div v-motion :initial="{x: 1}">M</div>\n\n{{ $slidev.nav.currentPage }} \`{{ code }}\`\n\n\`\`\`html\n<v-click>x</v-click>\n\`\`\`\n`);
    const body = deck.slides[0]!.body;
    expect(body).toContain('Kept');
    expect(body).toContain('<div>M</div>');
    expect(body).toContain('`{{ code }}`');
    expect(body).toContain('<v-click>x</v-click>');
    expect(body).not.toMatch(/Tweet|RenderWhen|\$slidev|v-motion/);
    expect(deck.dropped.map((d) => d.line)).toEqual([5, 6, 11, 11, 13]);
  });

  it('turns <template #right> slots into ::right:: and drops <style> blocks', () => {
    const deck = read(`${HEAD}\n# L\n\n<template v-slot:right>\n\nR\n\n</template>\n\n<style>\nh1 { color: red }\n</style>\n`);
    expect(deck.slides[0]!.body).toContain('::right::');
    expect(deck.slides[0]!.body).not.toMatch(/template|style|color/);
  });
});
