/**
 * Lectern's built-in themes. A deck names one in its front matter (`theme:`); names other tools
 * use map to the nearest of these on the server (server/deck/themes.ts).
 */

/** A colour scheme: the deck's forced one, or the reader's (prefers-color-scheme). */
export const COLOR_SCHEMES = ['light', 'dark'] as const;
export type ColorScheme = (typeof COLOR_SCHEMES)[number];

export const THEME_NAMES = ['default', 'dark', 'contrast', 'serif', 'terminal', 'lead'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

/** The colour schemes each theme has; one with a single scheme always shows it. */
export const THEME_SCHEMES: Readonly<Record<ThemeName, readonly ColorScheme[]>> = {
  default: ['light', 'dark'],
  dark: ['dark'],
  contrast: ['light', 'dark'],
  serif: ['light', 'dark'],
  terminal: ['dark'],
  lead: ['light', 'dark'],
};

/**
 * Slide layouts with a style of their own: the deck's title slide and section dividers (found by
 * themselves), and what a slide asks for with `<!-- layout: … -->` (Slidev's names included: a
 * `quote` set large in italics, a `fact` (one big number or statement), the `end` slide).
 */
export const SLIDE_LAYOUTS = ['title', 'section', 'center', 'two-columns', 'image-left', 'image-right', 'quote', 'fact', 'end'] as const;
export type SlideLayout = (typeof SLIDE_LAYOUTS)[number];
