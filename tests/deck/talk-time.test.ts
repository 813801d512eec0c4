/** The talk's planned length (`duration:`) and a slide's planned time (`<!-- time: 2m -->`), as a deck gives them. */
import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../server/deck/index.js';
import { tempDeck } from '../helpers/decks.js';

const deckWith = (front: string, body = '# One\n\n---\n\n# Two\n') => tempDeck(`---\ntitle: Timed\n${front}\n---\n\n${body}`);

describe('talk duration and slide times', () => {
  it('reads duration: as written (20m, 1h 30m, 45:00) and a bare number as minutes', async () => {
    for (const [value, seconds] of [['20m', 1_200], ['1h 30m', 5_400], ['45:00', 2_700], ['20', 1_200], ['"25"', 1_500]] as const) {
      const deck = await loadDeck(await deckWith(`duration: ${value}`));
      expect([value, deck.duration, deck.warnings]).toEqual([value, seconds, []]);
    }
  });

  it('takes a Slidev deck’s duration: 35min', async () => {
    const deck = await loadDeck(await deckWith('theme: seriph\nduration: 35min'));
    expect(deck.dialect).toBe('slidev');
    expect(deck.duration).toBe(2_100);
  });

  it('warns about a duration it cannot use and plans nothing', async () => {
    for (const value of ['soon', '30s', '0', '48h', '[1, 2]']) {
      const deck = await loadDeck(await deckWith(`duration: ${value}`));
      expect(deck.duration).toBeUndefined();
      expect(deck.warnings).toEqual([expect.stringMatching(/^duration .* must be the talk's length/)]);
    }
  });

  it('has no duration when the deck gives none', async () => {
    const deck = await loadDeck(await deckWith('author: Ada'));
    expect(deck.duration).toBeUndefined();
    expect(deck.warnings).toEqual([]);
  });

  it('reads <!-- time: 2m --> as the slide’s planned time, never as a note; prose stays a note', async () => {
    const deck = await loadDeck(await deckWith('duration: 10m', '# One\n\n<!-- time: 2m -->\n\n---\n\n# Two\n\n<!-- time: remember the demo -->\n\n---\n\n# Three\n\n<!-- time: 90s\nlayout: center -->\n'));
    expect(deck.slides.map((s) => s.time)).toEqual([120, undefined, 90]);
    expect(deck.slides[0]!.notes).toBe('');
    expect(deck.slides[1]!.notes).toContain('remember the demo');
    expect(deck.slides[2]!.layout).toBe('center');
    expect(deck.warnings).toEqual([]);
  });

  it('warns about a slide time of zero, naming the slide', async () => {
    const deck = await loadDeck(await deckWith('', '# One\n\n<!-- time: 0s -->\n'));
    expect(deck.slides[0]!.time).toBeUndefined();
    expect(deck.warnings).toEqual([expect.stringMatching(/^slide 1 .*time "0s" must be a duration/)]);
  });
});
