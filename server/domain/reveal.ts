/**
 * What a slide shows to someone without the presenter key. The audience sees what the talk has
 * shown in this run, and nothing ahead: the punchline, the quiz answer, the next slide's poll,
 * a build's later items stay on the server until the presenter gets there (reveal.js multiplex
 * and Slidev ship the whole deck to every phone up front). A deck may opt out with
 * `preview: all` (handouts, self-paced reading).
 */
import type { SlideData } from '../../contract/http.js';
import type { Slide } from '../deck/types.js';

/** `shown` (the default): only what the talk reached; `all`: the whole deck at once. */
export type Preview = 'shown' | 'all';

/**
 * A slide as the API and the broadcasts send it. `upTo`: for a slide that builds, the furthest
 * step the reader may see (its HTML then holds nothing later); omitted, the whole build.
 * The presenter's copy carries the notes and how many steps there are.
 */
export function slideData(slide: Slide, opts: { upTo?: number; presenter?: boolean } = {}): SlideData {
  const steps = slide.steps;
  const html = steps && opts.upTo !== undefined ? steps[Math.min(opts.upTo, steps.length - 1)]! : slide.html;
  return {
    index: slide.index,
    title: slide.title,
    html,
    ...(slide.layout ? { layout: slide.layout } : {}),
    ...(slide.background ? { background: slide.background } : {}),
    ...(slide.className ? { className: slide.className } : {}),
    ...(opts.presenter && steps ? { steps: steps.length - 1 } : {}),
    ...(opts.presenter ? { notes: slide.notes } : {}),
  };
}

/** A slide not shown yet: its place in the deck, and nothing of its content (not even its title). */
export function hiddenSlide(index: number): SlideData {
  return { index, title: '', html: '', hidden: true };
}

/** What a reader may see of the talk so far: the slides shown, and the furthest step of each. */
export interface Shown {
  slides: ReadonlySet<number>;
  step(slide: number): number;
}

/** Every slide for a reader: the presenter (and a `preview: all` deck) gets all; others what was shown. */
export function slidesFor(slides: readonly Slide[], reader: { presenter: boolean; preview: Preview; shown: Shown }): SlideData[] {
  if (reader.presenter) return slides.map((s) => slideData(s, { presenter: true }));
  if (reader.preview === 'all') return slides.map((s) => slideData(s));
  return slides.map((s) => (reader.shown.slides.has(s.index) ? slideData(s, { upTo: reader.shown.step(s.index) }) : hiddenSlide(s.index)));
}
