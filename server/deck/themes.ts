/**
 * Which built-in theme a deck's `theme:` means. Decks come from other tools, whose theme names
 * map to the nearest built-in; an unknown name is a warning and the default theme, never a reason
 * to refuse the deck (one stray front-matter value must not take a talk off the air).
 */
import { COLOR_SCHEMES, THEME_NAMES, THEME_SCHEMES, type ColorScheme, type ThemeName } from '../../contract/theme.js';

/**
 * Other tools' theme names → ours. reveal.js: black, white, league, beige, night, serif, simple,
 * solarized, moon, dracula, sky, blood (dist/theme/); Marp: default, gaia, uncover; Slidev:
 * default, seriph, apple-basic, bricks, shibainu and the npm names slidev-theme-*; Obsidian
 * Advanced Slides uses reveal.js's; Quarto: default, beige, blood, dark, league, moon, night,
 * serif, simple, sky, solarized.
 */
export const THEME_ALIASES: Readonly<Record<string, ThemeName>> = {
  // Lectern's own colour-scheme names from before there were themes
  light: 'default',
  // reveal.js (and Quarto, Obsidian Advanced Slides)
  white: 'default',
  simple: 'default',
  sky: 'default',
  black: 'dark',
  night: 'dark',
  moon: 'dark',
  league: 'dark',
  blood: 'lead',
  beige: 'serif',
  solarized: 'serif',
  dracula: 'terminal',
  // Marp
  gaia: 'lead',
  uncover: 'default',
  // Slidev
  seriph: 'serif',
  'apple-basic': 'default',
  bricks: 'lead',
  shibainu: 'lead',
  // common words
  'high-contrast': 'contrast',
  academic: 'serif',
  nix: 'terminal',
  hacker: 'terminal',
  keynote: 'lead',
  bold: 'lead',
};

export interface ResolvedTheme {
  name: ThemeName;
  /** The scheme the deck shows whatever the reader prefers; undefined follows the reader. */
  scheme?: ColorScheme;
  /** Why the deck's value was not taken as it is, for the startup log and the presenter. */
  warning?: string;
}

/** `theme:` (and Slidev's `colorSchema:`) from the front matter → a built-in theme and scheme. */
export function resolveTheme(theme: unknown, colorSchema?: unknown): ResolvedTheme {
  const warnings: string[] = [];
  let name: ThemeName = 'default';
  let scheme: ColorScheme | undefined;

  if (theme !== undefined && theme !== null && theme !== '') {
    const raw = typeof theme === 'string' ? theme.trim().toLowerCase() : '';
    // npm package names of other tools' themes: @slidev/theme-seriph, slidev-theme-apple-basic, marp-theme-x
    const bare = raw.replace(/^@[^/]+\//, '').replace(/^(slidev-theme-|theme-|marp-theme-)/, '');
    if ((THEME_NAMES as readonly string[]).includes(bare)) name = bare as ThemeName;
    else if (bare in THEME_ALIASES) name = THEME_ALIASES[bare]!;
    else warnings.push(`theme ${JSON.stringify(theme)} is not a built-in theme (${THEME_NAMES.join(', ')}); using the default theme`);
    // `theme: light` / `theme: dark` also fix the scheme, as they did before themes
    if (bare === 'light' || bare === 'dark') scheme = bare;
  }

  if (colorSchema !== undefined && colorSchema !== null && colorSchema !== 'auto') {
    if ((COLOR_SCHEMES as readonly unknown[]).includes(colorSchema)) scheme = colorSchema as ColorScheme;
    else warnings.push(`colorSchema ${JSON.stringify(colorSchema)} must be light, dark or auto; following the reader's preference`);
  }

  const schemes = THEME_SCHEMES[name];
  if (schemes.length === 1) scheme = schemes[0];
  else if (scheme && !schemes.includes(scheme)) scheme = undefined;

  return { name, ...(scheme ? { scheme } : {}), ...(warnings.length ? { warning: warnings.join('; ') } : {}) };
}
