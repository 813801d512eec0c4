/** Deckset decks. (Placeholder: read as Lectern's own Markdown until this dialect is written.) */
import { readLecternSlides } from '../parse.js';
import type { Dialect } from './types.js';

export const deckset: Dialect = {
  name: 'deckset',
  label: 'Deckset',
  detect: () => false,
  read: (lines, firstLine) => ({ slides: readLecternSlides(lines, firstLine), dropped: [] }),
};
