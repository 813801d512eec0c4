import { describe, expect, test } from 'vitest';
import { DeckError, loadDecks, type Deck } from '../../../server/deck/index.js';

const deck = (file: string, slug: string) => ({ file, slug, title: slug, slides: [], warnings: [] }) as unknown as Deck;

/** A loader over a fixed table: a file is a deck, or the DeckError loading it throws. */
const loader = (table: Record<string, Deck | Error>) => async (file: string) => {
  const found = table[file];
  if (!found) throw new DeckError(file, 'file not found');
  if (found instanceof Error) throw found;
  return found;
};

describe('loading several decks', () => {
  test('a broken deck is reported without its path, and the others load', async () => {
    const { decks, broken } = await loadDecks(
      ['/talks/a.md', '/home/ann/secret/b.md', '/talks/c.md'],
      loader({ '/talks/a.md': deck('/talks/a.md', 'a'), '/home/ann/secret/b.md': new DeckError('/home/ann/secret/b.md', 'a slide holds at most one poll', { slide: 3, line: 40 }), '/talks/c.md': deck('/talks/c.md', 'c') }),
    );
    expect(decks.map((d) => d.slug)).toEqual(['a', 'c']);
    expect(broken).toEqual([expect.objectContaining({ file: '/home/ann/secret/b.md', name: 'b.md', problem: 'slide 3: a slide holds at most one poll' })]);
    expect(broken[0]!.problem).not.toContain('/home/ann');
  });

  test("a second deck with a taken slug, or one of Lectern's own paths, is broken, not fatal", async () => {
    const { decks, broken } = await loadDecks(['/x/talk.md', '/y/talk.md', '/z/api.md'], loader({ '/x/talk.md': deck('/x/talk.md', 'talk'), '/y/talk.md': deck('/y/talk.md', 'talk'), '/z/api.md': deck('/z/api.md', 'api') }));
    expect(decks.map((d) => d.file)).toEqual(['/x/talk.md']);
    expect(broken.map((b) => b.problem)).toEqual([expect.stringMatching(/slug "talk" is already used by talk\.md/), expect.stringMatching(/slug "api" is taken by Lectern's own pages/)]);
  });

  test('when no deck loads, that is an error naming each', async () => {
    await expect(loadDecks(['/a.md'], loader({}))).rejects.toThrow(/\/a\.md: file not found/);
    await expect(loadDecks(['/a.md', '/b.md'], loader({}))).rejects.toThrow(/no deck could be loaded:\n {2}\/a\.md: file not found\n {2}\/b\.md: file not found/);
  });
});
