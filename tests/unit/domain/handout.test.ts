import { describe, expect, it } from 'vitest';
import { handoutNotes, handoutOpen, handoutSlides } from '../../../server/domain/handout.js';
import type { Slide } from '../../../server/deck/types.js';

const slide = (index: number, extra: Partial<Slide> = {}): Slide => ({ index, title: `S${index}`, html: `<p>s${index}</p>`, notes: `<p>n${index}</p>`, ...extra });
const deck = [slide(0), slide(1, { steps: ['<ul></ul>', '<ul><li>a</li></ul>', '<ul><li>a</li><li>b</li></ul>'], html: '<ul><li>a</li><li>b</li></ul>' }), slide(2), slide(3, { notes: '' })];

describe('the handout rules', () => {
  it('reads handout: notes (a word or a list), nothing else', () => {
    expect(handoutNotes({ handout: 'notes' })).toBe(true);
    expect(handoutNotes({ handout: ['slides', 'Notes'] })).toBe(true);
    expect(handoutNotes({ handout: 'slides' })).toBe(false);
    expect(handoutNotes({ handout: true })).toBe(false);
    expect(handoutNotes({})).toBe(false);
    expect(handoutNotes(undefined)).toBe(false);
  });

  it('opens to the room when the run ended or the deck shows everything; to the presenter always', () => {
    expect(handoutOpen({ presenter: false, preview: 'shown' }, { endedAt: null })).toBe(false);
    expect(handoutOpen({ presenter: false, preview: 'shown' }, { endedAt: 1 })).toBe(true);
    expect(handoutOpen({ presenter: false, preview: 'all' }, { endedAt: null })).toBe(true);
    expect(handoutOpen({ presenter: true, preview: 'shown' }, { endedAt: null })).toBe(true);
  });

  it('holds the slides shown, whole, and leaves the others out entirely', () => {
    const slides = handoutSlides(deck, { shown: new Set([0, 1, 3]), preview: 'shown', notes: false });
    expect(slides.map((s) => s.index)).toEqual([0, 1, 3]);
    expect(slides[1]!.html).toBe('<ul><li>a</li><li>b</li></ul>');
    expect(slides.some((s) => 'notes' in s || s.hidden)).toBe(false);
  });

  it('holds every slide with preview: all, and the notes only when asked (an empty note adds nothing)', () => {
    const slides = handoutSlides(deck, { shown: new Set([0]), preview: 'all', notes: true });
    expect(slides.map((s) => s.index)).toEqual([0, 1, 2, 3]);
    expect(slides.map((s) => s.notes)).toEqual(['<p>n0</p>', '<p>n1</p>', '<p>n2</p>', undefined]);
  });
});
