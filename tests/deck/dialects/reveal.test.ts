/**
 * The reveal fixture decks (tests/fixtures/dialects/reveal/): each is read as reveal without a dialect: key
 * (explicit.md names it), and loads into a deck. The real tool's verdict is in
 * tests/e2e/dialect-reveal-oracle.test.ts (a browser).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../../server/deck/load.js';
import { dialectCorpus, withoutCode } from '../../helpers/dialect-corpus.js';

const { dir: DIR, fixtures: FIXTURES, parse } = dialectCorpus('reveal');

describe('reveal fixtures', () => {
  // detection of each fixture: tests/deck/dialects/detect.test.ts
  it.each(FIXTURES)('%s loads, and no tool markup reaches a slide', async (name) => {
    const deck = await loadDeck(path.join(DIR, name));
    expect(deck.slides.length).toBeGreaterThan(0);
    for (const slide of deck.slides) {
      // code shows markup on purpose
      expect(withoutCode(slide.html)).not.toMatch(/\.slide:|<!--\s*slide|!\[\[|\[\[|%%|<split|<grid|::: ?block/);
      expect(slide.notes).not.toMatch(/\.slide:|\.element:|element class/);
    }
  });

  it('vertical.md numbers its stacks 2, 2.1, 2.2', () => {
    expect(parse('vertical.md').slides.map((s) => s.label)).toEqual(['1', '2', '2.1', '2.2', '3', '3.1', '4']);
  });

  it('backgrounds.md: colours and images from .slide: attributes, the transition reported', async () => {
    const deck = await loadDeck(path.join(DIR, 'backgrounds.md'));
    expect(deck.slides.map((s) => s.background)).toEqual([{ color: '#0b3d2e' }, { color: 'rebeccapurple' }, { image: '/backgrounds/assets/photo.png' }, { image: '/backgrounds/assets/photo.png' }]);
    expect(deck.slides[1]?.className).toBe('quiet');
    expect(parse('backgrounds.md').dropped.map((d) => d.line)).toEqual([16]);
  });

  it('traps.md: the code keeps its ---, the plain comment is no note, the hidden slide is gone', () => {
    const { slides } = parse('traps.md');
    expect(slides.map((s) => s.label)).toEqual(['1', '1.1', '2', '3']);
    expect(slides[0]?.body).toContain('---\nother: value');
    expect(slides[1]?.notes).toBe('only this is a note.');
    expect(slides.some((s) => s.body.includes('You never see me'))).toBe(false);
  });
});
