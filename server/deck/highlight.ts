/** Server-side syntax highlighting with one lazily created, shared shiki highlighter. */
import { bundledLanguages, bundledLanguagesAlias, bundledThemes, createHighlighter, type BundledLanguage, type BundledTheme, type Highlighter, type ThemeRegistration } from 'shiki';
import type { ThemeName } from '../../contract/theme.js';
import { readable } from './contrast.js';

/** Each built-in theme's code colours, light and dark (a single-scheme theme uses one for both). */
const CODE_THEMES: Readonly<Record<ThemeName, { light: BundledTheme; dark: BundledTheme }>> = {
  default: { light: 'github-light-default', dark: 'github-dark-default' },
  dark: { light: 'github-dark-default', dark: 'github-dark-default' },
  contrast: { light: 'github-light-high-contrast', dark: 'github-dark-high-contrast' },
  serif: { light: 'rose-pine-dawn', dark: 'rose-pine-moon' },
  terminal: { light: 'vitesse-dark', dark: 'vitesse-dark' },
  lead: { light: 'catppuccin-latte', dark: 'catppuccin-mocha' },
};

/** WCAG AA for every theme's code; AAA for the high-contrast one. */
const MIN_CONTRAST: Readonly<Record<ThemeName, number>> = { default: 4.5, dark: 4.5, contrast: 7, serif: 4.5, terminal: 4.5, lead: 4.5 };

/** The name shiki knows a built-in theme's code colours by. */
const codeThemeId = (theme: ThemeName, scheme: 'light' | 'dark') => `lectern-${theme}-${scheme}`;

/** A bundled shiki theme with every token colour moved to at least `min` on its background. */
async function readableTheme(base: BundledTheme, id: string, min: number): Promise<ThemeRegistration> {
  const source = ((await bundledThemes[base]()) as { default: ThemeRegistration }).default;
  const type = source.type ?? 'light';
  const background = source.colors?.['editor.background'] ?? source.bg ?? (type === 'dark' ? '#000000' : '#ffffff');
  const fix = (color: string | undefined) => (color ? readable(color, background, min) : color);
  return {
    ...source,
    name: id,
    colors: { ...source.colors, 'editor.foreground': fix(source.colors?.['editor.foreground'] ?? source.fg) ?? (type === 'dark' ? '#ffffff' : '#000000') },
    tokenColors: (source.tokenColors ?? source.settings ?? []).map((rule) =>
      rule.settings?.foreground ? { ...rule, settings: { ...rule.settings, foreground: fix(rule.settings.foreground) } } : rule,
    ),
  };
}

let pending: Promise<Highlighter> | undefined;

/**
 * The shared highlighter, created empty: grammars and code themes are loaded when a deck needs
 * them (prepareHighlighter), so a start pays for the languages its decks use, not for every one.
 */
export function getHighlighter(): Promise<Highlighter> {
  pending ??= createHighlighter({ themes: [], langs: [] }).catch((err: unknown) => {
    pending = undefined; // let a later load retry instead of caching the failure
    throw err;
  });
  return pending;
}

const themesLoading = new Map<ThemeName, Promise<void>>();
const langsLoading = new Map<string, Promise<void>>();

/**
 * Loads what highlighting a slide needs: the code colours of `theme` and the grammar of each of
 * `langs` that shiki bundles (an unknown name stays unloaded: its code is shown plain).
 */
export async function prepareHighlighter(hl: Highlighter, theme: ThemeName, langs: Iterable<string>): Promise<void> {
  const loads: Promise<void>[] = [];
  let colours = themesLoading.get(theme);
  if (!colours) {
    colours = Promise.all((['light', 'dark'] as const).map((scheme) => readableTheme(CODE_THEMES[theme][scheme], codeThemeId(theme, scheme), MIN_CONTRAST[theme])))
      .then((registrations) => hl.loadTheme(...registrations))
      .catch((err: unknown) => {
        themesLoading.delete(theme);
        throw err;
      });
    themesLoading.set(theme, colours);
  }
  loads.push(colours);
  for (const lang of langs) {
    if (!(lang in bundledLanguages) && !(lang in bundledLanguagesAlias)) continue;
    let grammar = langsLoading.get(lang);
    if (!grammar) {
      grammar = hl.loadLanguage(lang as BundledLanguage);
      langsLoading.set(lang, grammar);
    }
    loads.push(grammar);
  }
  await Promise.all(loads);
}

/**
 * Highlights `code` as `lang` into a <pre class="shiki"> with the deck theme's light and dark
 * code colours as CSS variables (--shiki-light / --shiki-dark, no default colour), so the page
 * picks one by the deck's or the reader's colour scheme. Returns null when the language is not
 * loaded, so the caller falls back to plain escaped code.
 */
export function highlight(hl: Highlighter, code: string, lang: string, theme: ThemeName = 'default', stages?: readonly { step: number; lines: number[] }[]): string | null {
  const known = hl.getLoadedLanguages().includes(lang);
  if (!known) return null;
  return hl.codeToHtml(code, {
    lang,
    themes: { light: codeThemeId(theme, 'light'), dark: codeThemeId(theme, 'dark') },
    defaultColor: false,
    transformers: [
      {
        pre(node) {
          node.properties['data-lang'] = lang;
          // a block that steps through line ranges: the steps its highlight changes at
          if (stages) node.properties['data-hl-steps'] = stages.map((s) => s.step).join(' ');
        },
        line(node, line) {
          // the steps at which this line is highlighted; the view marks the lines of the current one
          const at = stages?.filter((s) => s.lines.includes(line)).map((s) => s.step);
          if (at?.length) node.properties['data-hl'] = at.join(' ');
        },
      },
    ],
  });
}
