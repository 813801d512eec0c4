/**
 * The quarto fixture decks (tests/fixtures/dialects/quarto/): each is read as quarto without a dialect: key
 * (explicit.md names it) and loads into a deck; no other deck in the repository is claimed as quarto.
 * No runnable oracle exists for this tool: expected values follow its documented rules (see the
 * unit tests' header for the sources).
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../../server/deck/load.js';
import { dialectCorpus, withoutCode } from '../../helpers/dialect-corpus.js';

const { dir: DIR, fixtures: FIXTURES, parse } = dialectCorpus('quarto');

describe('quarto fixtures', () => {
  // each fixture's detection, and that no other deck is claimed: tests/deck/dialects/detect.test.ts
  it.each(FIXTURES)('%s loads, and no quarto markup reaches a slide or its notes', async (name) => {
    const deck = await loadDeck(path.join(DIR, name));
    expect(deck.slides.length).toBeGreaterThan(0);
    for (const slide of deck.slides) {
      const shown = withoutCode(slide.html);
      expect(shown).not.toMatch(MARKUP);
      expect(slide.notes).not.toMatch(MARKUP);
    }
  });

  it('basics.md: the title slide, two sections, four slides and an untitled one (Creating Slides)', () => {
    const { slides } = parse('basics.md');
    expect(slides.map((s) => s.settings.layout ?? '')).toEqual(['title', 'section', '', '', 'section', '', '']);
    expect(slides[0]?.body).toBe('# Habits\n\nGetting through the day\n\nJohn Doe\n\n2024-05-01');
    expect(slides[2]?.notes).toBe('Mention the snooze button.');
    expect(slides.map((s) => s.line)).toEqual([1, 9, 11, 20, 25, 27, 33]);
  });

  it('settings.md: backgrounds, center, class, columns, fit, callout and footer', async () => {
    const deck = await loadDeck(path.join(DIR, 'settings.md'));
    expect(deck.slides.map((s) => s.background)).toEqual([{ color: 'aquamarine' }, { image: '/settings/assets/photo.png' }, undefined, undefined, undefined, undefined, undefined]);
    expect(deck.slides[2]?.layout).toBe('center');
    expect(deck.slides[3]?.className).toBe('highlight');
    expect(deck.slides[4]?.html).toContain('class="cols"');
    expect(parse('settings.md').dropped.map((d) => d.line)).toEqual([11, 19]);
  });

  it('steps.md: incremental lists, pauses, fragments and code steps', () => {
    const bodies = parse('steps.md').slides.map((s) => s.body);
    expect(bodies[1]).toContain('::: incremental\n- one');
    expect(bodies[2]).not.toContain('incremental');
    expect(bodies[3]).toContain('. . .');
    expect(bodies[3]).toContain('::: fragment\nA fragment.\n:::');
    expect(bodies[4]).toContain('```python {1|3}');
  });

  it('traps.md: code keeps its markup, the hidden slide is gone, cells and shortcodes reported', () => {
    const { slides, dropped } = parse('traps.md');
    expect(slides[1]?.body).toContain('## Not a slide\n\n---\n\n::: {.notes}');
    expect(slides.some((s) => s.body.includes('You never see this'))).toBe(false);
    expect(slides).toHaveLength(6);
    expect(dropped.map((d) => d.line)).toEqual([21, 25, 31, 45, 50, 55]);
  });

  it('steps.md: the steps each slide builds in (loadDeck)', async () => {
    const deck = await loadDeck(path.join(DIR, 'steps.md'));
    expect(deck.slides.map((s) => (s.steps?.length ?? 1) - 1)).toEqual([0, 3, 0, 4, 1]);
  });
});

const MARKUP = /\{\{<|::: ?\{|\{\.[\w-]+|\{background|\.notes\}|#\|/;
