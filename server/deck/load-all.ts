/**
 * Loads every deck the server was started with. One broken deck (a typo in a poll, a file that
 * went missing) must not take the other talks off the air: it is reported, listed as broken,
 * and the rest are served. Only when no deck loads at all is that an error.
 */
import path from 'node:path';
import { DeckError } from './errors.js';
import { loadDeck } from './load.js';
import type { Deck } from './types.js';

/** A deck that could not be loaded, as the talk list shows it (no absolute path). */
export interface BrokenDeck {
  /** The file as given, for the log. */
  file: string;
  /** The file's base name, for the talk list. */
  name: string;
  /** What is wrong, without the path: `slide 3: a slide holds at most one poll …`. */
  problem: string;
  /** The whole error, for the log. */
  error: Error;
}

/** Paths of Lectern's own that a talk's slug may not take. */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set(['api', 'healthz', 'readyz', 'metrics', 'socket-io', 'app', 'assets']);

/** Loads the decks side by side; the broken ones are returned, not thrown, unless none loads. */
export async function loadDecks(files: readonly string[], load: (file: string) => Promise<Deck> = (file) => loadDeck(file)): Promise<{ decks: Deck[]; broken: BrokenDeck[] }> {
  const settled = await Promise.all(files.map((file) => load(file).then((deck) => ({ file, deck }), (error: unknown) => ({ file, error }))));
  const decks: Deck[] = [];
  const broken: BrokenDeck[] = [];
  const bySlug = new Map<string, Deck>();
  for (const result of settled) {
    const name = path.basename(result.file);
    if ('error' in result) {
      const error = result.error instanceof Error ? result.error : new Error(String(result.error));
      broken.push({ file: result.file, name, problem: error instanceof DeckError ? error.problem : 'could not be loaded', error });
      continue;
    }
    if (RESERVED_SLUGS.has(result.deck.slug)) {
      const problem = `the slug "${result.deck.slug}" is taken by Lectern's own pages; set another with "slug:" in the front matter`;
      broken.push({ file: result.file, name, problem, error: new DeckError(result.deck.file, problem) });
      continue;
    }
    const taken = bySlug.get(result.deck.slug);
    if (taken) {
      const problem = `slug "${result.deck.slug}" is already used by ${path.basename(taken.file)}; set "slug:" in the front matter`;
      broken.push({ file: result.file, name, problem, error: new DeckError(result.deck.file, problem) });
      continue;
    }
    bySlug.set(result.deck.slug, result.deck);
    decks.push(result.deck);
  }
  if (decks.length === 0) {
    const [only] = broken;
    if (broken.length === 1 && only) throw only.error;
    throw new DeckError(broken.map((b) => b.file).join(', '), `no deck could be loaded:\n${broken.map((b) => `  ${b.error.message}`).join('\n')}`);
  }
  return { decks, broken };
}
