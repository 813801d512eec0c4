/** Reading a run's engagement timeline: durations, totals, and where the room was lost. */
import type { RunResults } from '../../contract/http.js';

/** One row of a run's timeline: a slide with its time, reactions, answers and questions. */
export type TimelineRow = RunResults['timeline'][number];

/** Seconds as mm:ss (h:mm:ss past an hour). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const two = (n: number) => String(n).padStart(2, '0');
  const mmss = `${two(Math.floor((s % 3600) / 60))}:${two(s % 60)}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mmss}` : mmss;
}

/** All reaction taps on a slide, "lost me" included. */
export const reactionTotal = (row: TimelineRow): number => Object.values(row.reactions).reduce<number>((n, c) => n + (c ?? 0), 0);

/** What the room did on a slide: reactions other than "lost me", answers and questions. */
export const activity = (row: TimelineRow): number => reactionTotal(row) - (row.reactions.lost ?? 0) + row.answers + row.questions;

/** Whether the room saw a slide: it was on screen for a while, or someone tapped on it. */
export const seen = (row: TimelineRow): boolean => row.seconds > 0 || reactionTotal(row) + row.answers + row.questions > 0;

/** Where the run lost the room, if the data says so. */
export interface EngagementFlags {
  /** The slide with the most "lost me" taps (at least one). */
  lostPeak?: { slide: number; count: number };
  /** The shown slide whose activity fell furthest (to half or less) below the slide shown before it. */
  drop?: { slide: number; from: number; to: number };
}

/** Finds the "lost me" peak and the sharpest fall in activity between consecutive shown slides. */
export function engagementFlags(timeline: readonly TimelineRow[]): EngagementFlags {
  const flags: EngagementFlags = {};
  for (const row of timeline) {
    const lost = row.reactions.lost ?? 0;
    if (lost > 0 && lost > (flags.lostPeak?.count ?? 0)) flags.lostPeak = { slide: row.slide, count: lost };
  }
  // a slide skipped past is not a drop
  const shown = timeline.filter(seen);
  for (let i = 1; i < shown.length; i++) {
    const from = activity(shown[i - 1]!);
    const to = activity(shown[i]!);
    // a fall from 1 to 0 is noise; a fall to half or less of a busy slide is the room leaving
    const fall = from - to;
    if (fall >= 2 && to <= from / 2 && fall > (flags.drop ? flags.drop.from - flags.drop.to : 0)) flags.drop = { slide: shown[i]!.slide, from, to };
  }
  return flags;
}
