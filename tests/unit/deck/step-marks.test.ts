import { describe, expect, test } from 'vitest';
import { renderSlide } from '../../../server/deck/render.js';

const ctx = { slug: 'talk', resolveImage: () => null };
const render = (body: string) => renderSlide({ body, notes: '' }, ctx);
/** How many steps after arrival, and what step 0 shows. */
const build = async (body: string) => {
  const slide = await render(body);
  return { count: slide.steps ? slide.steps.length - 1 : 0, first: slide.steps?.[0] ?? slide.html, html: slide.html };
};

describe('the step markup dialects translate into', () => {
  test('a reveal.js element marker at the end of an item makes that item a step, the others show at once', async () => {
    const { count, first, html } = await build('# T\n\n- a <!-- .element: class="fragment" -->\n- b <!-- .element: class="fragment" -->\n- c\n\nafter');
    expect(count).toBe(2);
    expect(first).not.toMatch(/>a |>b /);
    expect(first).toContain('<li>c</li>');
    expect(first).toContain('after');
    expect(html).toContain('<li data-step="1">a </li>');
    expect(html).not.toContain('element:');
  });

  test("a marker alone on the line after a paragraph marks that paragraph (Obsidian's spelling too)", async () => {
    const { count, first } = await build('# T\n\none\n<!-- .element: class="fragment" -->\n\ntwo\n<!-- element class="fragment" -->\n\nthree');
    expect(count).toBe(2);
    expect(first).toContain('three');
    expect(first).not.toMatch(/one|two/);
  });

  test('a marker without the fragment class is dropped and changes nothing', async () => {
    const { count, html } = await build('text <!-- .element: style="color: red" -->');
    expect(count).toBe(0);
    expect(html).toBe('<p>text </p>\n');
  });

  test('::: fragment is one step without delaying what follows; ::: incremental builds its lists', async () => {
    const fragment = await build('# T\n\n::: fragment\nlater\n\nand this\n:::\n\nnow');
    expect(fragment.count).toBe(1);
    expect(fragment.first).toContain('now');
    expect(fragment.first).not.toContain('later');
    const incremental = await build('::: incremental\n- a\n- b\n- c\n:::\n\n. . .\n\nend');
    expect(incremental.count).toBe(4);
    expect(incremental.first).not.toMatch(/<li/);
  });

  test('steps count in document order across fragments, pauses and + lists', async () => {
    const { count } = await build('::: fragment\none\n:::\n\n+ two\n+ three\n\n. . .\n\nfour\n\n- five <!-- .element: class="fragment" -->');
    expect(count).toBe(5);
  });

  test('a raw HTML block with class="fragment" is a step', async () => {
    expect((await build('<p class="fragment">later</p>\n\nnow')).count).toBe(1);
  });

  test('::: fit wraps headings in .fit and the slide still reads as a title', async () => {
    const slide = await render('::: fit\n# Big\n:::');
    expect(slide.html).toBe('<div class="fit">\n<h1>Big</h1>\n</div>\n');
    expect([slide.headline, slide.title]).toEqual([true, 'Big']);
  });

  test('HTML comments never reach the slide, inline or on their own lines', async () => {
    const { html } = await build('text <!-- secret --> more\n\n<!-- another\nsecret -->\n\nend');
    expect(html).not.toContain('secret');
    expect(html).toContain('<p>text  more</p>');
  });

  test('![alt|300x200](…) gives the image a size', async () => {
    expect((await render('![cat|300x200](https://example.org/c.png)')).html).toContain('alt="cat" loading="lazy" width="300" height="200"');
    expect((await render('![cat|300](https://example.org/c.png)')).html).toContain('width="300">');
  });
});

describe('grammars load when a deck uses them', () => {
  test('a language no deck used before is highlighted on first use; an unknown one is plain code', async () => {
    const { getHighlighter } = await import('../../../server/deck/highlight.js');
    const hl = await getHighlighter();
    expect(hl.getLoadedLanguages()).not.toContain('haskell');
    const slide = await render('```haskell\nmain = putStrLn "hi"\n```\n\n```no-such-language\nx\n```');
    expect(hl.getLoadedLanguages()).toContain('haskell');
    expect(slide.html).toContain('data-lang="haskell"');
    expect(slide.html).toMatch(/<pre class="shiki[^"]*"[^>]*data-lang="haskell"/);
    expect(slide.html).toContain('<pre data-lang="no-such-language"><code>x\n</code></pre>');
  });
});
