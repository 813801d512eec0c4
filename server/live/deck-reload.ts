import type { Logger } from 'pino';
import { DeckError, loadDeck, watchDeck, type Deck } from '../deck/index.js';
import type { Talks } from './talks.js';

/** Re-reads a deck whose file changed; a broken edit keeps the previous version on screen. */
export async function reloadDeck(deck: Deck, talks: Talks, log: Logger): Promise<void> {
  try {
    const next = await loadDeck(deck.file);
    if (next.slug !== deck.slug) {
      log.warn({ file: deck.file }, `slug changed to "${next.slug}"; keeping "${deck.slug}" until restart`);
      next.slug = deck.slug;
    }
    await talks.replaceDeck(next);
    log.info({ slug: deck.slug, slides: next.slides.length }, 'deck reloaded');
    for (const warning of next.warnings) log.warn({ slug: deck.slug, file: deck.file }, warning);
  } catch (err) {
    log.error(err instanceof DeckError ? { msg: err.message } : { err }, 'deck reload failed; keeping the previous version');
  }
}

/** Reloads each deck when its file changes on disk; returns the stop function. */
export function watchDecks(decks: readonly Deck[], talks: Talks, log: Logger): () => void {
  const stops = decks.map((deck) => watchDeck(deck.file, () => void reloadDeck(deck, talks, log)));
  return () => stops.forEach((stop) => stop());
}
