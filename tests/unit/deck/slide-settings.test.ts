import { describe, expect, test } from 'vitest';
import { extractNotes } from '../../../server/deck/parse.js';
import { renderSlide } from '../../../server/deck/render.js';
import { applySlideSettings } from '../../../server/deck/slide-settings.js';
import type { Slide } from '../../../server/deck/types.js';

const ctx = { slug: 'talk', resolveImage: (ref: string) => (ref === 'photo.jpg' ? 'assets/photo.jpg' : null) };
const base: Slide = { index: 1, title: 'T', html: '<p>text</p>', notes: '' };

describe('slide settings', () => {
  test('a comment of setting lines is a directive, never a note; any other comment is a note', () => {
    const { notes, settings, body } = extractNotes('# Hi\n\n<!-- layout: two-columns -->\n<!-- background: #0b3d2e\nclass: lead -->\n<!-- say hello -->\n<!-- layout: x\nand a thought -->');
    expect(settings).toEqual({ layout: 'two-columns', background: '#0b3d2e', class: 'lead' });
    expect(notes).toBe('say hello\n\nlayout: x\nand a thought');
    // prose that happens to start with a setting's name stays a note, and never reaches a phone
    const prose = extractNotes('# Hi\n\n<!-- class: remember SECRETNOTE pricing -->\n<!-- image: remember to show the demo -->');
    expect(prose.settings).toEqual({});
    expect(prose.notes).toBe('class: remember SECRETNOTE pricing\n\nimage: remember to show the demo');
    expect(body).not.toContain('layout');
  });

  test('layouts, with the names other tools use', () => {
    const warnings: string[] = [];
    const warn = (w: string) => warnings.push(w);
    expect(applySlideSettings(base, { layout: 'two-cols' }, ctx, warn).layout).toBe('two-columns');
    expect(applySlideSettings(base, { layout: 'center' }, ctx, warn).layout).toBe('center');
    expect(applySlideSettings({ ...base, layout: 'section' }, { layout: 'default' }, ctx, warn).layout).toBeUndefined();
    expect(applySlideSettings(base, { layout: 'zigzag' }, ctx, warn).layout).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/layout "zigzag" is not one of/)]);
  });

  test('an image beside the text wraps every step of the slide; a missing image is a warning and the text alone', () => {
    const warnings: string[] = [];
    const slide = applySlideSettings({ ...base, steps: ['<p>a</p>', '<p>a</p><p data-step="1">b</p>'] }, { layout: 'image-right', image: 'photo.jpg' }, ctx, (w) => warnings.push(w));
    expect(slide.html).toBe('<div class="split media-right"><div class="col"><p>text</p></div><figure class="media"><img src="/talk/assets/assets/photo.jpg" alt="" loading="lazy"></figure></div>\n');
    expect(slide.steps!.every((h) => h.startsWith('<div class="split media-right">'))).toBe(true);
    const missing = applySlideSettings(base, { layout: 'image-left', image: 'gone.png' }, ctx, (w) => warnings.push(w));
    expect([missing.layout, missing.html]).toEqual([undefined, '<p>text</p>']);
    expect(warnings).toEqual([expect.stringMatching(/image "gone.png" was not found/)]);
  });

  test('backgrounds are a CSS colour or an image beside the deck; classes are class names', () => {
    const warnings: string[] = [];
    const warn = (w: string) => warnings.push(w);
    expect(applySlideSettings(base, { background: '#0b3d2e' }, ctx, warn).background).toEqual({ color: '#0b3d2e' });
    expect(applySlideSettings(base, { background: 'photo.jpg' }, ctx, warn).background).toEqual({ image: '/talk/assets/assets/photo.jpg' });
    expect(applySlideSettings(base, { background: 'red; content: "x"' }, ctx, warn).background).toBeUndefined();
    expect(applySlideSettings(base, { class: 'lead, invert' }, ctx, warn).className).toBe('lead invert');
    expect(applySlideSettings(base, { class: '"><script>' }, ctx, warn).className).toBeUndefined();
    expect(warnings).toHaveLength(2);
  });

  test('::right:: splits a slide into two columns; before ::left:: is a heading over both', async () => {
    const render = (body: string) => renderSlide({ body, notes: '' }, { slug: 't', resolveImage: () => null });
    expect((await render('# Compare\n\n::left::\n\nNix\n\n::right::\n\nDocker\n')).html).toBe('<h1>Compare</h1>\n<div class="cols"><div class="col"><p>Nix</p>\n</div><div class="col"><p>Docker</p>\n</div></div>\n');
    expect((await render('Nix\n\n::right::\n\nDocker\n')).html).toBe('<div class="cols"><div class="col"><p>Nix</p>\n</div><div class="col"><p>Docker</p>\n</div></div>\n');
  });
});

test("a deck class may not take a name Lectern's markup uses", () => {
  const warnings: string[] = [];
  const slide = applySlideSettings({ index: 0, title: 'T', html: '', notes: '' }, { class: 'poll lead' }, { slug: 't', resolveImage: () => null }, (w) => warnings.push(w));
  expect(slide.className).toBeUndefined();
  expect(warnings).toEqual([expect.stringMatching(/class "poll" is one of Lectern's own/)]);
});

describe('settings dialects bring', () => {
  test('split sets the picture width; out of range is a warning and half the slide', () => {
    const warnings: string[] = [];
    const narrow = applySlideSettings(base, { layout: 'image-right', image: 'photo.jpg', split: '40%' }, ctx, (w) => warnings.push(w));
    expect(narrow.html).toContain('<div class="split media-right" style="--media-width:40%">');
    const wide = applySlideSettings(base, { layout: 'image-left', image: 'photo.jpg', split: '95%' }, ctx, (w) => warnings.push(w));
    expect(wide.html).toContain('<div class="split media-left"><figure');
    expect(warnings).toEqual([expect.stringMatching(/split "95%" must be a percentage between 10% and 90%/)]);
  });

  test('color is the text colour beside the background; an unsafe one is refused', () => {
    const warnings: string[] = [];
    expect(applySlideSettings(base, { background: '#123456', color: 'white' }, ctx, (w) => warnings.push(w)).background).toEqual({ color: '#123456', text: 'white' });
    expect(applySlideSettings(base, { color: 'red;background:url(x)' }, ctx, (w) => warnings.push(w)).background).toBeUndefined();
    expect(warnings).toEqual([expect.stringMatching(/not a CSS colour/)]);
  });

  test("Slidev's quote, fact and end layouts are layouts of their own; statement centres", () => {
    const layout = (name: string) => applySlideSettings(base, { layout: name }, ctx, () => undefined).layout;
    expect([layout('quote'), layout('fact'), layout('end'), layout('statement')]).toEqual(['quote', 'fact', 'end', 'center']);
  });
});

