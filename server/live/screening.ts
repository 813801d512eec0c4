import { createTextFilter, deckWordLists, type TextFilter } from '../domain/text-filter.js';

/** The server's own lists (config: BLOCKLIST_FILE, ALLOWLIST_FILE, PROFANITY_FILTER). */
export interface ServerWordLists {
  /** obscenity's English dataset on (the default) or off. */
  dataset: boolean;
  block: readonly string[];
  allow: readonly string[];
}

/**
 * The filter each deck's audience text goes through: the server's lists plus the deck's
 * `blocklist:`/`allowlist:` front matter. Compiled once per distinct set of lists (decks without
 * lists of their own share one), so a deck edit that changes its lists compiles anew.
 */
export function createScreening(server: ServerWordLists = { dataset: true, block: [], allow: [] }) {
  const compiled = new Map<string, TextFilter>();
  return {
    /** The filter for a deck as loaded now. */
    forDeck(deck: { meta?: Record<string, unknown> }): TextFilter {
      const own = deckWordLists(deck.meta);
      const lists = { dataset: server.dataset, block: [...server.block, ...own.block], allow: [...server.allow, ...own.allow] };
      const key = JSON.stringify(lists);
      let filter = compiled.get(key);
      if (!filter) {
        // a deck edited over and over must not grow this without bound
        if (compiled.size >= 64) compiled.clear();
        filter = createTextFilter(lists);
        compiled.set(key, filter);
      }
      return filter;
    },
  };
}

export type ScreeningService = ReturnType<typeof createScreening>;
