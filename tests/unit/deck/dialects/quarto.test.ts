/**
 * Quarto revealjs, string in → slides out. Expected values follow Quarto's documented rules
 * (quarto.org/docs/presentations/revealjs: "Creating Slides", "Incremental Lists", "Multiple
 * Columns", "Speaker Notes", "Slide Backgrounds"; ".../revealjs/advanced": fragments, fit text,
 * center, visibility) and Pandoc's "Structuring the slide show".
 */
import { describe, expect, it } from 'vitest';
import { parseDeckSource } from '../../../../server/deck/dialects/index.js';

const FILE = '/decks/talk.qmd';
const deck = (body: string, front = 'format: revealjs') => parseDeckSource(`---\n${front}\n---\n${body}`, FILE);
const bodies = (body: string, front?: string) => deck(body, front).slides.map((s) => s.body.replace(/\n{3,}/g, '\n\n').trim());

describe('quarto detection', () => {
  it.each([
    ['format: revealjs'],
    ['format:\n  revealjs:\n    incremental: true'],
    ['format:\n  revealjs: default'],
    ['format: clean-revealjs'],
    ['format:\n  html: default\n  revealjs: default'],
  ])('claims %j', (front) => {
    expect(deck('## A', front).dialect).toBe('quarto');
  });

  it('leaves other formats and plain decks alone', () => {
    expect(deck('## A', 'format: html').dialect).not.toBe('quarto');
    expect(deck('## A', 'title: Talk').dialect).not.toBe('quarto');
  });
});

describe('quarto slides', () => {
  it('## starts a slide, # a section slide, --- an untitled one (Creating Slides)', () => {
    const { slides } = deck('# Morning\n\n## Getting up\n\n- alarm\n\n---\n\n- bed');
    expect(slides.map((s) => s.body.trim())).toEqual(['# Morning', '## Getting up\n\n- alarm', '- bed']);
    expect(slides.map((s) => s.settings.layout)).toEqual(['section', undefined, undefined]);
    expect(slides.map((s) => s.line)).toEqual([4, 6, 11]);
  });

  it('the front matter title makes a title slide first (Title Slide)', () => {
    const { slides } = deck('## One', 'title: Habits\nsubtitle: Days\nauthor:\n  - name: John Doe\n  - Jane Roe\nformat: revealjs');
    expect(slides[0]).toMatchObject({ body: '# Habits\n\nDays\n\nJohn Doe, Jane Roe', settings: { layout: 'title' }, line: 1 });
    expect(slides).toHaveLength(2);
  });

  it('a --- right before a heading makes no empty slide (Pandoc absorbs it)', () => {
    expect(bodies('## A\n\ntext\n\n---\n\n## B')).toEqual(['## A\n\ntext', '## B']);
  });

  it('slide-level: 1 makes # the slides and ## content', () => {
    expect(bodies('# A\n\n## sub\n\n# B', 'format: revealjs\nslide-level: 1')).toEqual(['# A\n\n## sub', '# B']);
  });

  it('never splits inside fenced code or a div', () => {
    expect(bodies('## A\n\n```md\n## x\n---\n```\n\n::: {.panel-tabset}\n## Tab\n:::')).toHaveLength(1);
  });

  it('a setext heading is a slide heading, its underline no rule', () => {
    expect(bodies('Title\n-----\n\ntext\n\nOther\n=====\n')).toEqual(['## Title\n\ntext', '# Other']);
  });
});

describe('quarto notes and steps', () => {
  it('::: {.notes} goes to the notes (Speaker Notes), ::: notes too', () => {
    const [slide] = deck('## A\n\nshown\n\n::: {.notes}\nsay *this*\n:::\n\n::: notes\nand that\n:::').slides;
    expect(slide?.body.trim()).toBe('## A\n\nshown');
    expect(slide?.notes).toBe('say *this*\n\nand that');
  });

  it('. . . stays a pause; .incremental and .fragment become containers', () => {
    const body = bodies('## A\n\none\n\n. . .\n\n::: {.incremental}\n- a\n- b\n:::\n\n::: {.fragment .fade-in}\nlater\n:::')[0];
    expect(body).toBe('## A\n\none\n\n. . .\n\n::: incremental\n- a\n- b\n:::\n\n::: fragment\nlater\n:::');
  });

  it('incremental: true builds every list, but not inside .nonincremental', () => {
    const [a, b] = bodies('## A\n\n- a\n- b\n\ntext\n\n## B\n\n::: {.nonincremental}\n- c\n:::', 'format:\n  revealjs:\n    incremental: true');
    expect(a).toBe('## A\n\n::: incremental\n- a\n- b\n\n:::\ntext');
    expect(b).toBe('## B\n\n- c');
  });

  it('a fragment that only restyles is shown at once, reported', () => {
    const result = deck('## A\n\n::: {.fragment .highlight-red}\nred\n:::');
    expect(result.slides[0]?.body).not.toContain('fragment');
    expect(result.dropped).toEqual([{ line: 6, what: expect.stringContaining('highlight-red') }]);
  });

  it('code-line-numbers="1|3" becomes {1|3}; a static one is reported', () => {
    const result = deck('## A\n\n```{.python code-line-numbers="1|3"}\na\nb\nc\n```\n\n```{.js code-line-numbers="2"}\nx\n```');
    expect(result.slides[0]?.body).toContain('```python {1|3}\na\nb\nc\n```');
    expect(result.slides[0]?.body).toContain('```js\nx\n```');
    expect(result.dropped.map((d) => d.line)).toEqual([12]);
  });

  it('a code cell is hidden unless echo: true (Code Echo), its options never shown', () => {
    const hidden = deck('## A\n\n```{python}\nprint(1)\n```');
    expect(hidden.slides[0]?.body.trim()).toBe('## A');
    const shown = deck('## A\n\n```{python}\n#| echo: true\n#| code-line-numbers: "|2"\nprint(1)\nprint(2)\n```');
    expect(shown.slides[0]?.body).toContain('```python {|2}\nprint(1)\nprint(2)\n```');
    expect(shown.dropped).toHaveLength(1);
  });
});

describe('quarto slide settings', () => {
  it('heading attributes: background colour and image, center, classes; the {…} leaves the heading', () => {
    const { slides, dropped } = deck('## A {background-color="aquamarine"}\n\n## B {background-image="photo.png" .center .dark}\n\n## {background="#111"}\n\nuntitled\n\n## C {.smaller transition="fade"}');
    expect(slides.map((s) => s.settings)).toEqual([{ background: 'aquamarine' }, { background: 'photo.png', layout: 'center', class: 'dark' }, { background: '#111' }, {}]);
    expect(slides.map((s) => s.body.trim())).toEqual(['## A', '## B', 'untitled', '## C']);
    expect(dropped.map((d) => d.line)).toEqual([12, 12]);
  });

  it('visibility="hidden" drops the slide', () => {
    expect(bodies('## A\n\n## B {visibility="hidden"}\n\nsecret\n\n## C')).toEqual(['## A', '## C']);
  });

  it('.r-fit-text on a heading or a div becomes ::: fit', () => {
    expect(bodies('## Big {.r-fit-text}\n\n## B\n\n::: {.r-fit-text}\nHuge\n:::')).toEqual(['::: fit\n## Big\n:::', '## B\n\n::: fit\nHuge\n:::']);
  });

  it('.columns with two .column divs become ::left:: / ::right::', () => {
    const body = bodies(':::: {.columns}\n::: {.column width="50%"}\nL\n:::\n::: {.column width="50%"}\nR\n:::\n::::')[0];
    expect(body).toBe('::left::\n\nL\n\n::right::\n\nR');
  });

  it('a callout is a quote with its title; a footer div the slide footer; other divs unwrapped', () => {
    const { slides, dropped } = deck('## A\n\n::: {.callout-warning}\nCareful\n:::\n\n::: {.aside}\nby the way\n:::\n\n::: footer\nMy footer\n:::');
    expect(slides[0]?.body.replace(/\n{3,}/g, '\n\n').trim()).toBe('## A\n\n> **Warning**\n>\n> Careful\n\nby the way');
    expect(slides[0]?.settings.footer).toBe('My footer');
    expect(dropped.map((d) => d.what)).toEqual([expect.stringContaining('.aside')]);
  });

  it('shortcodes vanish (reported), spans keep their text, image widths become |px', () => {
    const { slides, dropped } = deck('## A\n\n{{< video https://x >}}\n\n[big]{.large} ![cat](cat.png){width="300"} [link](https://x){target="_blank"} `{{< code >}}`');
    expect(slides[0]?.body.trim()).toBe('## A\n\n\n\nbig ![cat|300](cat.png) [link](https://x) `{{< code >}}`');
    expect(dropped).toEqual([{ line: 6, what: expect.stringContaining('shortcode') }]);
  });

  it('odd input never throws: unclosed divs and fences, lone :::', () => {
    expect(() => deck(':::\n## A\n::: {.fragment\n```{python\n::: {.columns}\n::: {.column}\n')).not.toThrow();
    const body = deck('## A\n\n::: {.fragment}\nnever closed').slides[0]?.body;
    expect(body?.trim().endsWith(':::')).toBe(true);
  });
});
