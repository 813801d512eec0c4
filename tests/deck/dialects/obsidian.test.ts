/**
 * The obsidian fixture decks (tests/fixtures/dialects/obsidian/): each is read as obsidian without a dialect: key
 * (explicit.md names it), and loads into a deck. The real tool's verdict is in
 * tests/e2e/dialect-reveal-oracle.test.ts (a browser).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../../server/deck/load.js';
import { dialectCorpus, withoutCode } from '../../helpers/dialect-corpus.js';

const { dir: DIR, fixtures: FIXTURES, parse } = dialectCorpus('obsidian');

describe('obsidian fixtures', () => {
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

  it('images.md: embeds sized, the note embed a placeholder and reported', async () => {
    const deck = await loadDeck(path.join(DIR, 'images.md'));
    expect(deck.slides[1]?.html).toMatch(/<img[^>]*chart\.png/);
    expect(deck.slides[2]?.html).toContain('embedded note: Meeting notes');
    expect(parse('images.md').dropped).toEqual([{ line: 17, what: expect.stringMatching(/Meeting notes/) }]);
  });

  it('backgrounds.md: bg colours, an [[image]] and the reveal spelling', async () => {
    const deck = await loadDeck(path.join(DIR, 'backgrounds.md'));
    expect(deck.slides.map((s) => s.background)).toEqual([{ color: 'aquamarine' }, { color: '#ff0000' }, { image: '/backgrounds/assets/photo.png' }, { color: 'navy' }, undefined]);
  });

  it('basics.md: vertical slide labels and note: notes', () => {
    const { slides } = parse('basics.md');
    expect(slides.map((s) => [s.label, s.notes])).toEqual([
      ['1', 'Welcome; the links show as their text.'],
      ['2', ''],
      ['2.1', "a vertical slide's notes."],
      ['3', ''],
    ]);
    expect(slides[0]?.body).toContain('see Project plan and the roadmap.');
  });
});
