/**
 * A poll's countdown as the views show it, from the server's deadline and the server's time now
 * (the device clock corrected by the offset read from `TalkState.at`). Pure.
 */

/** What a countdown shows at one moment. */
export interface CountdownReading {
  /** Whole seconds left, rounded up as a clock shows them (0: time is up). */
  seconds: number;
  /** `m:ss` (or `h:mm:ss`). */
  text: string;
  /** Share of the countdown still to run, 1 … 0, for the ring or bar. */
  left: number;
  up: boolean;
}

/** `75` → "1:15", `3725` → "1:02:05". */
export function clockText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}

/**
 * The countdown to `closesAt` seen at `now` (both server ms). `since` is when it started (the poll's
 * opening); without it the ring stays full until zero.
 */
export function readCountdown(closesAt: number, now: number, since: number | null): CountdownReading {
  const total = since !== null && closesAt > since ? closesAt - since : 0;
  // never more than the whole countdown: a device's offset lags the server by the state's transit time
  const ms = total > 0 ? Math.min(closesAt - now, total) : closesAt - now;
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  const left = seconds === 0 ? 0 : total > 0 ? Math.min(1, Math.max(0, ms / total)) : 1;
  return { seconds, text: clockText(seconds), left, up: seconds === 0 };
}

/**
 * What a screen reader hears, and when: at each whole minute left, at ten seconds, and at zero —
 * never every second. Null between those marks (the last one said stands).
 */
export function spokenMark(seconds: number): string | null {
  if (seconds <= 0) return "Time's up";
  if (seconds === 10) return '10 seconds left';
  if (seconds % 60 === 0) {
    const minutes = seconds / 60;
    return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'} left`;
  }
  return null;
}
