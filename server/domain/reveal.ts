/**
 * What a slide shows to someone without the presenter key. The audience sees what the talk has
 * shown in this run, and nothing ahead: the punchline, the quiz answer, the next slide's poll
 * stay on the server until the presenter gets there (reveal.js multiplex and Slidev ship the
 * whole deck to every phone up front). A deck may opt out with `preview: all` (handouts,
 * self-paced reading).
 */
import type { SlideData } from '../../contract/http.js';
import type { Slide } from '../deck/types.js';

/** `shown` (the default): only what the talk reached; `all`: the whole deck at once. */
export type Preview = 'shown' | 'all';

/** A slide as the API and the broadcasts send it, with notes only when asked for. */
export function slideData(slide: Slide, withNotes = false): SlideData {
  return {
    index: slide.index,
    title: slide.title,
    html: slide.html,
    ...(slide.layout ? { layout: slide.layout } : {}),
    ...(withNotes ? { notes: slide.notes } : {}),
  };
}

/** A slide not shown yet: its place in the deck, and nothing of its content (not even its title). */
export function hiddenSlide(index: number): SlideData {
  return { index, title: '', html: '', hidden: true };
}

/** Every slide for a reader: the presenter (and a `preview: all` deck) gets all; others what was shown. */
export function slidesFor(slides: readonly Slide[], reader: { presenter: boolean; preview: Preview; shown: ReadonlySet<number> }): SlideData[] {
  if (reader.presenter) return slides.map((s) => slideData(s, true));
  if (reader.preview === 'all') return slides.map((s) => slideData(s));
  return slides.map((s) => (reader.shown.has(s.index) ? slideData(s) : hiddenSlide(s.index)));
}
