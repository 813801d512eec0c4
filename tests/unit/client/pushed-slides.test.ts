import { describe, expect, it } from 'vitest';
import type { SlideData } from '../../../contract/http.js';
import { fuller, PushedSlides } from '../../../client/controllers/pushed-slides.js';

const slide = (index: number, over: Partial<SlideData> = {}): SlideData => ({ index, title: `S${index}`, html: `<p>${index}</p>`, ...over });
const hidden = (index: number): SlideData => ({ index, title: '', html: '', hidden: true });

describe('fuller', () => {
  it('prefers a shown copy over a hidden one, and a later step over an earlier one', () => {
    expect(fuller(hidden(1), slide(1))).toEqual(slide(1));
    expect(fuller(slide(1), hidden(1))).toEqual(slide(1));
    expect(fuller(slide(1, { upTo: 2 }), slide(1, { upTo: 1 }))).toEqual(slide(1, { upTo: 2 }));
    expect(fuller(undefined, slide(1))).toEqual(slide(1));
  });
});

describe('PushedSlides', () => {
  it('applies a pushed slide to loaded slides', () => {
    const pushed = new PushedSlides();
    expect(pushed.push([slide(0), hidden(1)], 1, slide(1))).toEqual([slide(0), slide(1)]);
  });

  it('keeps a slide pushed while the slides load, so a fetch that predates the move does not hide it again', () => {
    const pushed = new PushedSlides();
    expect(pushed.push([], 1, slide(1, { upTo: 1 }))).toEqual([]);
    expect(pushed.merge([slide(0), hidden(1)], [])).toEqual([slide(0), slide(1, { upTo: 1 })]);
    // once merged it is forgotten: a later fetch stands on its own
    expect(pushed.merge([slide(0), slide(1, { upTo: 0 })], [])).toEqual([slide(0), slide(1, { upTo: 0 })]);
  });

  it('keeps what the page already holds when a refetch brings less', () => {
    const pushed = new PushedSlides();
    expect(pushed.merge([hidden(0)], [slide(0)])).toEqual([slide(0)]);
  });
});
