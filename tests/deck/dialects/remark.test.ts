/**
 * The remark fixture decks (tests/fixtures/dialects/remark/): each is read as remark without a dialect: key
 * (explicit.md names it) and loads into a deck; no other deck in the repository is claimed as remark.
 * No runnable oracle exists for this tool: expected values follow its documented rules (see the
 * unit tests' header for the sources).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../../server/deck/load.js';
import { dialectCorpus, withoutCode } from '../../helpers/dialect-corpus.js';

const { dir: DIR, fixtures: FIXTURES, parse } = dialectCorpus('remark');

describe('remark fixtures', () => {
  // each fixture's detection, and that no other deck is claimed: tests/deck/dialects/detect.test.ts
  it.each(FIXTURES)('%s loads, and no remark markup reaches a slide or its notes', async (name) => {
    const deck = await loadDeck(path.join(DIR, name));
    expect(deck.slides.length).toBeGreaterThan(0);
    for (const slide of deck.slides) {
      const shown = withoutCode(slide.html);
      expect(shown).not.toMatch(MARKUP);
      expect(slide.notes).not.toMatch(MARKUP);
    }
  });

  it('basics.md: the first lines are the first slide\'s properties; -- is a step; ??? notes', () => {
    const { slides } = parse('basics.md');
    expect(slides).toHaveLength(3);
    expect(slides[0]?.settings).toEqual({ layout: 'center' });
    expect(slides[0]?.notes).toBe('Welcome everyone.');
    expect(slides[1]?.body).toContain('. . .');
    expect(slides[1]?.notes).toBe('Mention the snooze button.');
    expect(slides[2]?.settings).toEqual({ class: 'inverse' });
  });

  it('templates.md: the layout is applied until layout: false, template: prepends, exclude drops', () => {
    const { slides } = parse('templates.md');
    expect(slides.map((s) => s.settings.class)).toEqual(['branded', undefined, undefined, undefined]);
    expect(slides[0]?.body).toContain('ACME');
    expect(slides[3]?.body.replace(/\n{3,}/g, '\n\n').trim()).toBe('# Chapter\n\n# Built on chapter');
    expect(slides.some((s) => s.body.includes('Draft'))).toBe(false);
  });

  it('traps.md: code keeps its separators, columns, the background image through loadDeck', async () => {
    const { slides } = parse('traps.md');
    expect(slides).toHaveLength(3);
    expect(slides[0]?.body).toContain('---\n--\n???\nclass: center');
    const deck = await loadDeck(path.join(DIR, 'traps.md'));
    expect(deck.slides[1]?.html).toContain('class="cols"');
    expect(deck.slides[2]?.background).toEqual({ image: '/traps/assets/photo.png' });
  });

  it('xaringan.md: the front matter makes the title slide', () => {
    const { slides } = parse('xaringan.md');
    expect(slides[0]).toMatchObject({ body: '# Presentation Ninja\n\nwith xaringan\n\nYihui Xie', settings: { layout: 'title' } });
    expect(slides[2]?.settings).toEqual({ layout: 'center', class: 'inverse' });
  });

  it('basics.md: the steps each slide builds in (loadDeck)', async () => {
    const deck = await loadDeck(path.join(DIR, 'basics.md'));
    expect(deck.slides.map((s) => (s.steps?.length ?? 1) - 1)).toEqual([0, 1, 0]);
  });
});

const MARKUP = /^\s*(class|layout|template|name|background-image):|\?\?\?|\.(?!not-a-class)[a-z-]+\[|!\[:/m; // traps.md shows an escaped one on purpose
