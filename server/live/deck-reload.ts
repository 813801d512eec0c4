import type { Logger } from 'pino';
import { DeckError, loadDeck, watchDeck, type BrokenDeck, type Deck, type LoadDeckOptions } from '../deck/index.js';
import type { Polls } from './polls/index.js';
import type { Talks } from './talks.js';

/** Re-reads a deck whose file changed; a broken edit keeps the previous version on screen. */
export async function reloadDeck(deck: Deck, talks: Talks, log: Logger, opts: Pick<LoadDeckOptions, 'maxBytes'> = {}): Promise<void> {
  try {
    const next = await loadDeck(deck.file, opts);
    if (next.slug !== deck.slug) {
      log.warn({ file: deck.file }, `slug changed to "${next.slug}"; keeping "${deck.slug}" until restart`);
      next.slug = deck.slug;
    }
    await talks.replaceDeck(next);
    log.info({ slug: deck.slug, slides: next.slides.length }, 'deck reloaded');
    reportDeck(next, log);
  } catch (err) {
    log.error(err instanceof DeckError ? { msg: err.message } : { err }, 'deck reload failed; keeping the previous version');
  }
}

/** Reloads each deck when its file changes on disk; returns the stop function. */
export function watchDecks(decks: readonly Deck[], talks: Talks, log: Logger, opts: Pick<LoadDeckOptions, 'maxBytes'> = {}): () => void {
  const stops = decks.map((deck) => watchDeck(deck.file, () => void reloadDeck(deck, talks, log, opts)));
  return () => stops.forEach((stop) => stop());
}

/**
 * Watches the decks that failed to load at start: once one is fixed and saved, it is served
 * (and watched like the others) and leaves the broken list. Returns the stop function.
 */
export function watchBrokenDecks(broken: BrokenDeck[], deps: { talks: Talks; polls: Polls; log: Logger; maxBytes?: number }): () => void {
  const { talks, polls, log } = deps;
  const opts = deps.maxBytes === undefined ? {} : { maxBytes: deps.maxBytes };
  const stops = new Map<string, () => void>();
  for (const entry of broken) {
    const retry = async () => {
      let deck: Deck;
      try {
        deck = await loadDeck(entry.file, opts);
      } catch (err) {
        log.error(err instanceof DeckError ? { msg: err.message } : { err }, 'deck still cannot be loaded');
        return;
      }
      if (talks.get(deck.slug)) {
        log.error({ file: entry.file }, `slug "${deck.slug}" is already served by another deck; set "slug:" in the front matter`);
        return;
      }
      await talks.add(deck);
      await polls.onSlide(deck.slug, null);
      broken.splice(broken.indexOf(entry), 1);
      stops.get(entry.file)?.();
      stops.set(entry.file, watchDeck(deck.file, () => void reloadDeck(deck, talks, log, opts)));
      log.info({ slug: deck.slug, slides: deck.slides.length }, 'deck fixed and now served');
      reportDeck(deck, log);
    };
    stops.set(entry.file, watchDeck(entry.file, () => void retry().catch((err: unknown) => log.error({ err }, 'could not start serving a fixed deck'))));
  }
  return () => stops.forEach((stop) => stop());
}

/**
 * What the speaker should fix or know about a deck, in the log: warnings, and what its tool has
 * that Lectern does not show, each with `file:line` so an editor can jump there.
 */
export function reportDeck(deck: Deck, log: Logger): void {
  for (const warning of deck.warnings) log.warn({ slug: deck.slug, file: deck.file }, warning);
  if (deck.dialect !== 'lectern') log.info({ slug: deck.slug, dialect: deck.dialect }, `read as a ${deck.dialect} deck`);
  for (const { line, what } of deck.dropped) log.warn({ slug: deck.slug, file: deck.file, line }, `${deck.file}:${line}: not shown: ${what}`);
}
