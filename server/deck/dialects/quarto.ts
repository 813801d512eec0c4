/** Quarto revealjs decks. (Placeholder: read as Lectern's own Markdown until this dialect is written.) */
import { readLecternSlides } from '../parse.js';
import type { Dialect } from './types.js';

export const quarto: Dialect = {
  name: 'quarto',
  label: 'Quarto revealjs',
  detect: () => false,
  read: (lines, firstLine) => ({ slides: readLecternSlides(lines, firstLine), dropped: [] }),
};
