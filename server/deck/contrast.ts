/**
 * WCAG contrast for code colours. Syntax themes are chosen for looks, and many put a comment or a
 * number below 4.5:1 on their own background (github-light's orange: 3.49:1); on a projector in
 * a bright room that is unreadable. `readable` moves such a colour toward black or white, keeping
 * its hue, just far enough to reach the ratio.
 */

type Rgb = [number, number, number];

function parse(color: string, over?: Rgb): Rgb | undefined {
  const m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(color.trim());
  if (!m) return undefined;
  let hex = m[1]!;
  if (hex.length <= 4) hex = [...hex].map((c) => c + c).join('');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
  const alpha = hex.length === 8 ? parseInt(hex.slice(6, 8), 16) / 255 : 1;
  if (alpha === 1 || !over) return [r, g, b];
  // a translucent colour as it shows on the background
  return [r, g, b].map((c, i) => Math.round(c * alpha + over[i]! * (1 - alpha))) as Rgb;
}

const hex = (rgb: Rgb) => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The WCAG 2 contrast ratio of two #rgb/#rrggbb colours (1–21); undefined if either is not one. */
export function contrastRatio(foreground: string, background: string): number | undefined {
  const bg = parse(background);
  const fg = bg && parse(foreground, bg);
  if (!fg || !bg) return undefined;
  const [hi, lo] = [luminance(fg), luminance(bg)].sort((a, b) => b - a) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `foreground`, or the nearest colour toward black (light background) or white (dark) reaching `min` on `background`. */
export function readable(foreground: string, background: string, min: number): string {
  const bg = parse(background);
  const fg = bg && parse(foreground, bg);
  if (!fg || !bg) return foreground;
  if ((contrastRatio(hex(fg), hex(bg)) ?? 0) >= min) return foreground;
  const target: Rgb = luminance(bg) > 0.18 ? [0, 0, 0] : [255, 255, 255];
  for (let step = 1; step <= 20; step++) {
    const t = step / 20;
    const mixed = fg.map((c, i) => c + (target[i]! - c) * t) as Rgb;
    if ((contrastRatio(hex(mixed), hex(bg)) ?? 0) >= min) return hex(mixed);
  }
  return hex(target);
}
