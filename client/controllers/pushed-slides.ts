import type { SlideData } from '../lib/api.js';

/**
 * Slide content a keyless page gets with the move that first shows it (the server never sends a
 * slide before it is shown), merged with the slides fetched over HTTP. Of two copies of a slide the
 * one that holds more wins: shown over hidden, a later step over an earlier one.
 */
export class PushedSlides {
  /** Content that arrived with moves while the slides were still loading. */
  readonly #early = new Map<number, SlideData>();

  /** The fetched slides, each kept as the fuller of it and what this page already holds. */
  merge(fetched: readonly SlideData[], held: readonly SlideData[]): SlideData[] {
    const merged = fetched.map((s, i) => {
      const mine = this.#early.get(i) ?? held[i];
      return mine ? fuller(mine, s) : s;
    });
    this.#early.clear();
    return merged;
  }

  /**
   * A move brought slide `index`: the slides with it applied; while they are still loading it is
   * kept for `merge` (the fetch's response may predate the move) and the slides stay as they are.
   */
  push(slides: SlideData[], index: number, slide: SlideData): SlideData[] {
    if (slides.length > index) return slides.map((s, i) => (i === index ? fuller(s, slide) : s));
    this.#early.set(index, slide);
    return slides;
  }
}

/** The copy that holds more: shown over hidden, a later step over an earlier one. */
export function fuller(a: SlideData | undefined, b: SlideData): SlideData {
  if (!a || a.hidden) return b;
  if (b.hidden) return a;
  return (b.upTo ?? 0) >= (a.upTo ?? 0) ? b : a;
}
