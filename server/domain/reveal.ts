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
  const upTo = steps && opts.upTo !== undefined ? Math.min(opts.upTo, steps.length - 1) : undefined;
  const html = upTo !== undefined ? steps![upTo]! : slide.html;
  return {
    index: slide.index,
    // a heading revealed by a later step must not leak through the title
    title: upTo !== undefined ? (headingText(html) ?? `Slide ${slide.index + 1}`) : slide.title,
    html,
    // the step this copy holds, so a client knows when it needs a newer one
    ...(steps ? { upTo: upTo ?? steps.length - 1 } : {}),
    ...(slide.layout ? { layout: slide.layout } : {}),
    ...(slide.background ? { background: slide.background } : {}),
    ...(slide.className ? { className: slide.className } : {}),
    ...(slide.label ? { label: slide.label } : {}),
    ...(slide.chrome ? { chrome: slide.chrome } : {}),
    ...(slide.leaderboard ? { leaderboard: slide.leaderboard } : {}),
    ...(opts.presenter && steps ? { steps: steps.length - 1 } : {}),
    ...(opts.presenter ? { notes: slide.notes } : {}),
    // the speaker's plan for the slide is the presenter's business, like the notes
    ...(opts.presenter && slide.time !== undefined ? { time: slide.time } : {}),
  };
}

/** The text of the first heading in rendered slide HTML, or undefined. */
export function headingText(html: string): string | undefined {
  const match = /<h[1-6][^>]*>([\s\S]*?)<\/h[1-6]>/.exec(html);
  if (!match) return undefined;
  const text = match[1]!
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text || undefined;
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
