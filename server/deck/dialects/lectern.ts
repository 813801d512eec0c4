/** Lectern's own Markdown: `---` between slides, `Note:` and comments as notes, directive comments as settings. */
import { readLecternSlides } from '../parse.js';
import type { Dialect } from './types.js';

export const lectern: Dialect = {
  name: 'lectern',
  label: 'Lectern',
  // the fallback: any deck no other dialect claims
  detect: () => true,
  read: (lines, firstLine) => ({ slides: readLecternSlides(lines, firstLine), dropped: [] }),
};
