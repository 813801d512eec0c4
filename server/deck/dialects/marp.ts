/** Marp decks. (Placeholder: read as Lectern's own Markdown until this dialect is written.) */
import { readLecternSlides } from '../parse.js';
import type { Dialect } from './types.js';

export const marp: Dialect = {
  name: 'marp',
  label: 'Marp',
  detect: () => false,
  read: (lines, firstLine) => ({ slides: readLecternSlides(lines, firstLine), dropped: [] }),
};
