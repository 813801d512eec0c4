/**
 * Marp's image syntax: keywords in the alt text (Marpit lib/markdown/image/parse.js and
 * background_image/parse.js). `![bg](x)` is a background, `![bg right:40%](x)` a split, `w:200`
 * a size; every keyword is taken out of the alt text.
 */

export interface MarpImage {
  background: boolean;
  /** `contain`, `cover`, `auto` (`fit` is `contain`), or a percentage. */
  size?: string;
  width?: string;
  height?: string;
  filters: string[];
  split?: 'left' | 'right';
  splitSize?: string;
  /** `vertical` / `horizontal`: how several backgrounds line up. */
  direction?: string;
  /** The alt text without Marp's keywords. */
  alt: string;
}

const LENGTH = '((?:\\d*\\.)?\\d+(?:%|ch|cm|em|ex|in|mm|pc|pt|px)?|auto)';
const WIDTH = new RegExp(`^w(?:idth)?:${LENGTH}$`);
const HEIGHT = new RegExp(`^h(?:eight)?:${LENGTH}$`);
const FILTER = /^(blur|brightness|contrast|drop-shadow|grayscale|hue-rotate|invert|opacity|saturate|sepia)(?::(.+))?$/;
const PERCENT = /^(\d*\.)?\d+%$/;
const BG_SIZE: Readonly<Record<string, string>> = { auto: 'auto', contain: 'contain', cover: 'cover', fit: 'contain' };
const SPLIT = /^(left|right)(?::((?:\d*\.)?\d+%))?$/;

/** Reads an image's alt text as Marpit does: space-separated keywords, the rest stays alt text. */
export function readMarpImage(altText: string): MarpImage {
  const image: MarpImage = { background: false, filters: [], alt: '' };
  const words = altText.split(/\s+/).filter(Boolean);
  const consumed = new Set<number>();
  words.forEach((word, i) => {
    let m: RegExpExecArray | null;
    if (PERCENT.test(word)) image.size = word;
    else if ((m = WIDTH.exec(word))) image.width = m[1]!;
    else if ((m = HEIGHT.exec(word))) image.height = m[1]!;
    else if ((m = FILTER.exec(word))) image.filters.push(word);
    else return;
    consumed.add(i);
  });
  if (words.some((w, i) => w === 'bg' && !consumed.has(i))) {
    image.background = true;
    words.forEach((word, i) => {
      if (consumed.has(i)) return;
      let m: RegExpExecArray | null;
      if (word === 'bg') consumed.add(i);
      else if (BG_SIZE[word]) {
        image.size = BG_SIZE[word];
        consumed.add(i);
      } else if ((m = SPLIT.exec(word))) {
        image.split = m[1] as 'left' | 'right';
        if (m[2]) image.splitSize = m[2];
        consumed.add(i);
      } else if (word === 'vertical' || word === 'horizontal') {
        image.direction = word;
        consumed.add(i);
      }
    });
  }
  image.alt = words.filter((_, i) => !consumed.has(i)).join(' ');
  return image;
}

/** A CSS length Lectern can give an image (`![alt|300]`): px or a bare number; null for %, em, auto. */
export function pixels(length: string | undefined): number | null {
  const m = length ? /^((?:\d*\.)?\d+)(px)?$/.exec(length) : null;
  return m ? Math.round(Number(m[1])) : null;
}

/**
 * An inline image in Markdown source: `![alt](src "title")`. Group 1 the alt text, 2 the source
 * (`<...>` or bare), 3 the title with its quotes.
 */
export const INLINE_IMAGE = /!\[([^\]\n]*)\]\(\s*(<[^>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)(\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\)/g;
