import { describe, expect, test } from 'vitest';
import { renderSlide } from '../../../server/deck/render.js';
import { parseLineSteps } from '../../../server/deck/steps.js';

const render = (body: string) => renderSlide({ body, notes: '' }, { slug: 't', resolveImage: () => null });
const items = (html: string) => [...html.matchAll(/<li[^>]*>([^<]*)/g)].map((m) => m[1]);

describe('builds', () => {
  test('a + list builds item by item; a - list is shown at once', async () => {
    const slide = await render('# Plan\n\n+ first\n+ second\n+ third\n\n- always\n- here\n');
    expect(slide.steps).toHaveLength(4);
    expect(slide.steps!.map((h) => items(h).filter((t) => !['always', 'here'].includes(t!)))).toEqual([[], ['first'], ['first', 'second'], ['first', 'second', 'third']]);
    // what is not revealed yet is absent, not hidden
    expect(slide.steps![1]).not.toContain('second');
    expect(slide.steps![1]).toContain('<li data-step="1">first');
    expect(slide.html).toBe(slide.steps![3]);
    expect(slide.steps![0]).toContain('always');
  });

  test('. . . pauses: what follows comes a step later, and the pause itself is not shown', async () => {
    const slide = await render('# Reveal\n\nSetup.\n\n. . .\n\nPunchline!\n\n```nix\n{ x = 1; }\n```\n');
    expect(slide.steps).toHaveLength(2);
    expect(slide.steps![0]).toContain('Setup.');
    expect(slide.steps![0]).not.toContain('Punchline');
    expect(slide.steps![0]).not.toContain('<pre');
    expect(slide.steps![1]).toContain('<p data-step="1">Punchline!</p>');
    expect(slide.steps![1]).toMatch(/<div data-step="1"><pre class="shiki/);
    expect(slide.html).not.toContain('. . .');
  });

  test('pauses and + lists count on from each other; a slide without either has no steps', async () => {
    const slide = await render('Intro\n\n+ a\n+ b\n\n. . .\n\nEnd\n');
    expect(slide.steps).toHaveLength(4);
    expect(slide.steps![3]).toContain('<p data-step="3">End</p>');
    expect((await render('# Plain\n\n- x\n- y\n')).steps).toBeUndefined();
  });
});

describe('code that steps through line ranges', () => {
  test('{1|3-4} and [1|3-4] read as stages; all stands for no highlight', () => {
    expect(parseLineSteps('nix {1|3-4}')).toEqual([[1], [3, 4]]);
    expect(parseLineSteps('ts [2,4|all|1-2]')).toEqual([[2, 4], [], [1, 2]]);
    expect(parseLineSteps('nix {1,3}')).toBeNull();
    expect(parseLineSteps('bash')).toBeNull();
  });

  test('each further range is a step, and every line knows the steps it is highlighted at', async () => {
    const slide = await render('# Code\n\n```nix {1|3-4}\nfirst\nsecond\nthird\nfourth\n```\n');
    expect(slide.steps).toHaveLength(2);
    expect(slide.html).toMatch(/<pre class="shiki[^"]*"[^>]*data-hl-steps="0 1"/);
    const lines = [...slide.html.matchAll(/<span class="line"( data-hl="([^"]*)")?/g)].map((m) => m[2] ?? '');
    expect(lines).toEqual(['0', '', '1', '1']);
  });
});

describe('builds, the traps', () => {
  test('a heading revealed by a later step never leaks through the title; the deck title is from the start', async () => {
    const { slidesFor } = await import('../../../server/domain/reveal.js');
    const slide = await render('Guess the answer\n\n. . .\n\n# It was 42\n');
    const deckSlide = { index: 0, title: slide.title ?? 'Slide 1', html: slide.html, notes: '', steps: slide.steps! };
    const [atStart] = slidesFor([deckSlide], { presenter: false, preview: 'shown', shown: { slides: new Set([0]), step: () => 0 } });
    expect(atStart!.title).toBe('Slide 1');
    expect(JSON.stringify(atStart)).not.toContain('42');
    expect(atStart!.upTo).toBe(0);
  });

  test('a poll after a pause shows from the start (polls open with their slide), with a warning', async () => {
    const slide = await render('# Q\n\n+ a\n\n. . .\n\n```poll\nquestion: Which?\noptions: [x, y]\n```\n');
    expect(slide.steps).toHaveLength(3);
    expect(slide.steps![0]).toContain('Which?');
    expect(slide.warnings).toEqual([expect.stringMatching(/a poll opens when its slide is reached/)]);
  });

  test('raw HTML revealed by a step carries data-step; columns do not jump during a build', async () => {
    const raw = await render('# Q\n\n. . .\n\n<div>RAW-ANSWER</div>\n');
    expect(raw.steps![0]).not.toContain('RAW-ANSWER');
    expect(raw.steps![1]).toContain('<div data-step="1">\n<div>RAW-ANSWER</div>');
    const cols = await render('# Cols\n\n::left::\n\nLeft\n\n. . .\n\n::right::\n\nRight\n');
    expect(cols.steps![0]).toBe('<h1>Cols</h1>\n<div class="cols"><div class="col"><p>Left</p>\n</div><div class="col"></div></div>\n');
    expect(cols.steps![1]).toContain('<div class="col"><p data-step="1">Right</p>');
  });
});
