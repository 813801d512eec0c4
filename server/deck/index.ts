/** The deck module: Markdown talk files → Deck model, assets, and change watching. */
export { loadDeck, slugify, type LoadDeckOptions } from './load.js';
export { DeckError } from './errors.js';
export { type SlideSource } from './parse.js';
export { parseDeckSource, dialectFor, type ParsedDeckSource } from './dialects/index.js';
export { renderSlide, type RenderContext, type RenderedSlide } from './render.js';
export { parsePoll, pollIdFrom, pollSpecFrom } from './polls.js';
export { resolveAsset, resolveImageRef, resolveStylesheet, contentTypeFor, isReferenced, referencedAssets } from './assets.js';
export { watchDeck } from './watch.js';
export * from './types.js';
export { loadDecks, type BrokenDeck } from './load-all.js';
