/** The fixed logical canvas fitted slides are laid out on, and the rule that scales content to it. */

/** The logical width every fitted slide is laid out at, whatever the window: 36 px body text. */
export const CANVAS_WIDTH = 1280;

/** `16:9` → 16 / 9; anything unreadable falls back to 16:9. */
export function aspectRatio(aspect: string | undefined): number {
  const match = /^(\d+(?:\.\d+)?):(\d+(?:\.\d+)?)$/.exec(aspect ?? '');
  const ratio = match ? Number(match[1]) / Number(match[2]) : NaN;
  return Number.isFinite(ratio) && ratio >= 0.5 && ratio <= 4 ? ratio : 16 / 9;
}

/**
 * The factor that makes content of `content` size fit in `available` without growing it:
 * 1 when it fits, less when it is too wide or too tall. Never cuts, never scrolls.
 */
export function fitFactor(available: { width: number; height: number }, content: { width: number; height: number }): number {
  if (content.width <= 0 || content.height <= 0) return 1;
  return Math.min(1, available.width / content.width, available.height / content.height);
}

