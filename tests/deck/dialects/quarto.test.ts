/**
 * The quarto fixture decks (tests/fixtures/dialects/quarto/): each is read as quarto without a dialect: key
 * (explicit.md names it) and loads into a deck; no other deck in the repository is claimed as quarto.
 * No runnable oracle exists for this tool: expected values follow its documented rules (see the
 * unit tests' header for the sources).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dialectFor, parseDeckSource } from '../../../server/deck/dialects/index.js';
import { readFrontMatter } from '../../../server/deck/parse.js';
import { loadDeck } from '../../../server/deck/load.js';

const DIR = path.resolve('tests/fixtures/dialects/quarto');
const FIXTURES = readdirSync(DIR).filter((name) => name.endsWith('.md'));
const parse = (name: string) => parseDeckSource(readFileSync(path.join(DIR, name), 'utf8'), path.join(DIR, name));

/** Every other Markdown deck in the repository: Lectern's own, and the other dialects' fixtures. */
function otherDecks(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md') && !full.startsWith(DIR + path.sep)) found.push(full);
    }
  };
  walk(path.resolve('decks'));
  walk(path.resolve('tests/fixtures'));
  return found;
}

describe('quarto fixtures', () => {
  it.each(FIXTURES)('%s is read as quarto', (name) => {
    const source = readFileSync(path.join(DIR, name), 'utf8');
    expect(parse(name).dialect).toBe('quarto');
    expect(/^dialect:/m.test(source)).toBe(name === 'explicit.md');
  });

  it.each(FIXTURES)('%s loads, and no tool markup reaches a slide', async (name) => {
    const deck = await loadDeck(path.join(DIR, name));
    expect(deck.slides.length).toBeGreaterThan(0);
    for (const slide of deck.slides) {
      const shown = slide.html.replace(/<pre[\s\S]*?<\/pre>|<code[^>]*>[\s\S]*?<\/code>/g, '');
      expect(shown).not.toMatch(MARKUP);
      expect(slide.notes).not.toMatch(MARKUP);
    }
  });

  it('claims no other deck in the repository', () => {
    const claimed = otherDecks().filter((file) => {
      const lines = readFileSync(file, 'utf8').split(/\r\n|\r|\n/);
      try {
        const { meta, bodyStart } = readFrontMatter(lines, file);
        if (meta['dialect'] !== undefined) return false;
        return dialectFor(meta, lines.slice(bodyStart).join('\n'), file).name === 'quarto';
      } catch {
        return false;
      }
    });
    expect(claimed).toEqual([]);
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
