/** Applies a deck's `theme` and `accent` to the page's design tokens. */
import type { TalkInfo } from '../../contract/events.js';

/** Relative luminance (WCAG) of a colour the canvas understands; undefined if it does not. */
export function luminance(color: string): number | undefined {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return undefined;
  ctx.fillStyle = '#010203';
  ctx.fillStyle = color; // an invalid colour leaves the sentinel in place
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(ctx.fillStyle);
  if (!hex || (ctx.fillStyle === '#010203' && color.toLowerCase() !== '#010203')) return undefined;
  const [r, g, b] = hex.slice(1).map((h) => {
    const c = parseInt(h, 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Sets data-deck-theme (the built-in theme, client/styles/themes.css), data-theme (a forced
 * colour scheme) and --accent on <html>; an accent that is not a CSS colour is ignored. Text
 * on the accent (primary buttons, tags) turns white or black, whichever reads better on it.
 */
export function applyDeckTheme(talk: Pick<TalkInfo, 'theme' | 'accent'> & Partial<Pick<TalkInfo, 'themeName'>>, root: HTMLElement = document.documentElement): void {
  root.dataset.deckTheme = talk.themeName ?? 'default';
  if (talk.theme === 'light' || talk.theme === 'dark') root.dataset.theme = talk.theme;
  else delete root.dataset.theme;
  const lum = talk.accent && CSS.supports('color', talk.accent) ? luminance(talk.accent) : undefined;
  if (talk.accent && lum !== undefined) {
    root.style.setProperty('--accent', talk.accent);
    // contrast with white is 1.05 / (L + 0.05), with black (L + 0.05) / 0.05: they cross at L ≈ 0.18
    root.style.setProperty('--on-accent', lum > 0.179 ? '#0b0d10' : '#ffffff');
    // links in the deck's accent, pulled toward the text colour so they read on either scheme
    root.style.setProperty('--accent-text', 'color-mix(in oklab, var(--accent), var(--fg) 30%)');
  } else {
    root.style.removeProperty('--accent');
    root.style.removeProperty('--on-accent');
    root.style.removeProperty('--accent-text');
  }
}
