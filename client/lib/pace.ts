/**
 * The speaker's pace (presenter only): when each slide should start, from the deck's planned
 * length (`duration:`) and the slides' own times (`<!-- time: 2m -->`), and how far ahead of or
 * behind that plan the talk is. Pure; all times in seconds.
 */

/**
 * The planned start of each slide, from the run's start: a slide with a time of its own gets it,
 * the others share what is left of the duration evenly (nothing, when the own times use it all).
 */
export function plannedStarts(duration: number, times: readonly (number | undefined)[]): number[] {
  const own = times.reduce<number>((sum, t) => sum + (t ?? 0), 0);
  const shared = times.filter((t) => t === undefined).length;
  const share = shared ? Math.max(0, duration - own) / shared : 0;
  const starts: number[] = [];
  let at = 0;
  for (const t of times) {
    starts.push(at);
    at += t ?? share;
  }
  return starts;
}

/**
 * Seconds ahead of the plan (positive) or behind it (negative) on `slide`, `elapsed` seconds into
 * the run: ahead while the slide was reached before its planned start, behind once the talk stays
 * past the planned start of the next one; within the slide's own window, on time (0).
 */
export function paceOn(starts: readonly number[], duration: number, slide: number, elapsed: number): number {
  const start = starts[slide] ?? 0;
  const end = starts[slide + 1] ?? duration;
  if (elapsed < start) return start - elapsed;
  if (elapsed > end) return end - elapsed;
  return 0;
}

/** `80` → "1:20 ahead", `-125` → "2:05 behind", under a second either way → "on time". */
export function paceText(seconds: number): string {
  const s = Math.round(Math.abs(seconds));
  if (s === 0) return 'on time';
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  return seconds > 0 ? `${text} ahead` : `${text} behind`;
}

/** The talk's remaining time: "12:30 left", or "1:05 over" once the planned length has passed. */
export function remainingText(duration: number, elapsed: number): { text: string; over: boolean } {
  const left = Math.round(duration - elapsed);
  const s = Math.abs(left);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, '0');
  const clock = h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
  return left >= 0 ? { text: `${clock} left`, over: false } : { text: `${clock} over`, over: true };
}
