/** Applies a deck's `theme` and `accent` to the page's design tokens. */
import type { TalkInfo, Theme } from '../../contract/events.js';
import { THEME_SCHEMES } from '../../contract/theme.js';

/** What a reader may choose where the deck's theme has both schemes. */
export type ReaderScheme = 'system' | 'light' | 'dark';
const READER_SCHEMES: readonly ReaderScheme[] = ['system', 'light', 'dark'];
const SCHEME_KEY = 'lectern:color-scheme';

/** Whether the reader gets a choice: the deck forces no scheme and its theme has both. */
export function readerMayChoose(talk: Pick<TalkInfo, 'theme'> & Partial<Pick<TalkInfo, 'themeName'>>): boolean {
  return !talk.theme && THEME_SCHEMES[talk.themeName ?? 'default'].length > 1;
}

/** The scheme a page shows: the deck's forced one, else the reader's choice; undefined follows the system. */
export function effectiveScheme(talk: Pick<TalkInfo, 'theme'> & Partial<Pick<TalkInfo, 'themeName'>>, reader: ReaderScheme): Theme | undefined {
  if (talk.theme) return talk.theme;
  return readerMayChoose(talk) && reader !== 'system' ? reader : undefined;
}

/** The reader's saved choice on this device (every talk), `system` when none. */
export function savedReaderScheme(): ReaderScheme {
  try {
    const saved = localStorage.getItem(SCHEME_KEY);
    return READER_SCHEMES.includes(saved as ReaderScheme) ? (saved as ReaderScheme) : 'system';
  } catch {
    return 'system'; // storage blocked (private mode): the system's preference
  }
}

export function saveReaderScheme(scheme: ReaderScheme): void {
  try {
    localStorage.setItem(SCHEME_KEY, scheme);
  } catch {
    // not kept across reloads; the choice still applies now
  }
}

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
export function applyDeckTheme(
  talk: Pick<TalkInfo, 'theme' | 'accent'> & Partial<Pick<TalkInfo, 'themeName'>>,
  root: HTMLElement = document.documentElement,
  reader: ReaderScheme = 'system',
): void {
  root.dataset.deckTheme = talk.themeName ?? 'default';
  const scheme = effectiveScheme(talk, reader);
  if (scheme) root.dataset.theme = scheme;
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
