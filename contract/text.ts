/**
 * Audience text made safe to show: no direction overrides, and cuts that never split a character.
 * Shared by the server (which enforces it) and the client (which counts the same way).
 */

/**
 * Bidirectional formatting characters: embeddings and overrides (U+202A–U+202E), isolates
 * (U+2066–U+2069), the marks U+200E/U+200F and the Arabic letter mark U+061C. One U+202E in a
 * question would turn the rest of the screen's line around ("gnissim" for "missing").
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** The text without bidirectional control characters. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

/** How many characters (code points) a text has: what every length limit counts, never UTF-16 units. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

const segmenter: Intl.Segmenter | undefined =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : undefined;

/**
 * The longest start of `text` holding at most `max` code points that ends between two
 * user-perceived characters (graphemes: a flag, an emoji with skin tone, a letter with its accent),
 * so a cut never leaves half a surrogate pair or a lone combining mark. Where Intl.Segmenter is
 * missing, the cut falls between code points.
 */
export function cutText(text: string, max: number): string {
  if (max <= 0) return '';
  if (codePointLength(text) <= max) return text;
  let out = '';
  let used = 0;
  if (segmenter) {
    for (const { segment } of segmenter.segment(text)) {
      const size = codePointLength(segment);
      if (used + size > max) break;
      out += segment;
      used += size;
    }
    return out;
  }
  for (const ch of text) {
    if (used === max) break;
    out += ch;
    used++;
  }
  return out;
}

/** `text` cut to `max` code points with an ellipsis when it was longer (for quoting input in a message). */
export function excerpt(text: string, max: number): string {
  const cut = cutText(text, max);
  return cut.length < text.length ? `${cut}…` : cut;
}
