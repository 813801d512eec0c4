/** Durations as speakers write them in a deck: `30s`, `1m30s`, `2 min`, `1h`, `1:30`, or a bare number of seconds. Pure. */

const UNIT_SECONDS: Record<string, number> = { h: 3600, hr: 3600, hour: 3600, hours: 3600, m: 60, min: 60, mins: 60, minute: 60, minutes: 60, s: 1, sec: 1, secs: 1, second: 1, seconds: 1 };

/**
 * Seconds in a written duration, or null when it is not one. Numbers are seconds; `m:ss` and
 * `h:mm:ss` read as clocks; otherwise one or more `<number><unit>` parts (`1h 20m`, `1m30s`).
 */
export function parseDuration(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? Math.round(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim().toLowerCase();
  if (!text) return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text));
  const clock = /^(?:(\d+):)?(\d{1,2}):(\d{2})$/.exec(text);
  if (clock) {
    const [, h, m, s] = clock;
    if (Number(s) > 59 || (h !== undefined && Number(m) > 59)) return null;
    return Number(h ?? 0) * 3600 + Number(m) * 60 + Number(s);
  }
  let total = 0;
  let rest = text;
  const part = /^(\d+(?:\.\d+)?)\s*([a-z]+)\s*/;
  while (rest) {
    const match = part.exec(rest);
    const unit = match ? UNIT_SECONDS[match[2]!] : undefined;
    if (!match || unit === undefined) return null;
    total += Number(match[1]) * unit;
    rest = rest.slice(match[0].length);
  }
  return Math.round(total);
}

/** `90` → "1:30", `3725` → "1:02:05": how a countdown shows seconds. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}
