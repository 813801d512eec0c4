/**
 * The built-in themes' colours, read from the stylesheets as written: every text colour on its
 * background reaches WCAG AA (4.5:1), and AAA (7:1) in the high-contrast theme, in each theme's
 * light and dark scheme. Also: each theme the contract names has its styles.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { THEME_NAMES, THEME_SCHEMES, type ThemeName } from '../../../contract/theme.js';
import { contrastRatio } from '../../../server/deck/contrast.js';

const read = (file: string) => readFileSync(new URL(`../../../client/styles/${file}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');

/** The custom properties (hex values only) of every rule whose selector matches. */
function tokens(css: string, selector: (sel: string, inDarkMedia: boolean) => boolean): Record<string, string> {
  const found: Record<string, string> = {};
  const darkMedia = /@media \(prefers-color-scheme: dark\) \{([\s\S]*?\})\s*\}/g;
  const dark = [...css.matchAll(darkMedia)].map((m) => m[1]!).join('\n');
  const plain = css.replace(darkMedia, '');
  for (const [source, inDark] of [
    [plain, false],
    [dark, true],
  ] as const) {
    for (const rule of source.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      if (!selector(rule[1]!.trim(), inDark)) continue;
      for (const decl of rule[2]!.matchAll(/(--[a-z-]+):\s*(#[0-9a-f]{3,8})\s*;/gi)) found[decl[1]!] = decl[2]!;
    }
  }
  return found;
}

const base = read('base.css');
const themes = read('themes.css');
const baseLight = tokens(base, (sel, dark) => sel === ':root' && !dark);
const baseDark = tokens(base, (sel) => sel === ":root[data-theme='dark']");

function palette(theme: ThemeName, scheme: 'light' | 'dark'): Record<string, string> {
  const own = `:root[data-deck-theme='${theme}']`;
  const light = tokens(themes, (sel, dark) => sel === own && !dark);
  if (scheme === 'light') return { ...baseLight, ...light };
  // a dark-only theme declares its dark colours in its own block
  const darkOnly = THEME_SCHEMES[theme].length === 1;
  const forced = tokens(themes, (sel) => sel === `${own}[data-theme='dark']`);
  return { ...baseDark, ...(darkOnly ? light : {}), ...forced };
}

describe.each(THEME_NAMES)('the %s theme', (theme) => {
  test.each(THEME_SCHEMES[theme])('reads in its %s scheme', (scheme) => {
    const p = palette(theme, scheme);
    const min = theme === 'contrast' ? 7 : 4.5;
    const pairs: [string, string, string][] = [
      ['--fg', '--bg', 'text'],
      ['--muted', '--bg', 'secondary text'],
      ['--accent-text', '--bg', 'links'],
      ['--heading-color', '--bg', 'headings'],
      ['--on-accent', '--accent', 'text on the accent'],
      ['--title-fg', '--title-bg', 'title slides'],
      ['--fg', '--code-bg', 'code text'],
    ];
    let checked = 0;
    for (const [fg, bg, what] of pairs) {
      if (!p[fg] || !p[bg]) continue;
      checked++;
      expect(contrastRatio(p[fg]!, p[bg]!), `${theme} ${scheme}: ${what} ${p[fg]} on ${p[bg]}`).toBeGreaterThanOrEqual(min);
    }
    expect(checked).toBeGreaterThanOrEqual(4);
  });

  test('has its styles', () => {
    expect(themes).toContain(`:root[data-deck-theme='${theme}']`);
  });
});
