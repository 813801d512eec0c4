/**
 * The handout: what a run showed, to take home once the talk is over. Pure rules: who may read it
 * when, which slides it holds, whether the notes come along.
 */
import type { SlideData } from '../../contract/http.js';
import type { Slide } from '../deck/types.js';
import { slideData, type Preview } from './reveal.js';

/** Reads `handout:` from the front matter: `notes` (or a list holding it) puts the speaker notes under each slide. */
export function handoutNotes(meta: Record<string, unknown> | undefined): boolean {
  const value = meta?.['handout'];
  const words = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[\s,]+/) : [];
  return words.some((w) => typeof w === 'string' && w.trim().toLowerCase() === 'notes');
}

/**
 * Whether a reader may have the handout of a run: the presenter always (a preview while it runs);
 * everyone else once it ended, or at once when the deck shows everything up front (`preview: all`).
 */
export function handoutOpen(reader: { presenter: boolean; preview: Preview }, run: { endedAt: number | null }): boolean {
  return reader.presenter || reader.preview === 'all' || run.endedAt !== null;
}

/** Why a closed handout is closed, in words a phone can show. */
export const HANDOUT_CLOSED_MESSAGE = 'The handout opens when the talk ends.';

/**
 * The handout's slides: those the run showed (all of them with `preview: all`), in deck order, every
 * build step revealed, notes only when the deck asks for them. A slide never shown is left out whole,
 * not even a placeholder: the handout does not say what was skipped.
 */
export function handoutSlides(slides: readonly Slide[], opts: { shown: ReadonlySet<number>; preview: Preview; notes: boolean }): SlideData[] {
  return slides
    .filter((s) => opts.preview === 'all' || opts.shown.has(s.index))
    .map((s) => ({ ...slideData(s), ...(opts.notes && s.notes ? { notes: s.notes } : {}) }));
}
