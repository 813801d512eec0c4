/** Server-side syntax highlighting with one lazily created, shared shiki highlighter. */
import { createHighlighter, type Highlighter } from 'shiki';

const LANGS = [
  'nix', 'bash', 'shellscript', 'yaml', 'typescript', 'javascript', 'json', 'html', 'css',
  'python', 'diff', 'toml', 'sql', 'dockerfile', 'markdown', 'ini', 'go', 'rust', 'jsx', 'tsx',
];
const THEMES = { light: 'github-light', dark: 'github-dark' } as const;

let pending: Promise<Highlighter> | undefined;

/** The shared highlighter; created on first use (loading grammars takes a moment) and reused. */
export function getHighlighter(): Promise<Highlighter> {
  pending ??= createHighlighter({ themes: Object.values(THEMES), langs: LANGS }).catch((err: unknown) => {
    pending = undefined; // let a later load retry instead of caching the failure
    throw err;
  });
  return pending;
}

/**
 * Highlights `code` as `lang` into a <pre class="shiki"> with both themes as CSS variables
 * (--shiki-light / --shiki-dark, no default colour) so the page picks one with prefers-color-scheme.
 * Returns null when the language is not loaded, so the caller falls back to plain escaped code.
 */
export function highlight(hl: Highlighter, code: string, lang: string): string | null {
  const known = hl.getLoadedLanguages().includes(lang);
  if (!known) return null;
  return hl.codeToHtml(code, {
    lang,
    themes: THEMES,
    defaultColor: false,
    transformers: [
      {
        pre(node) {
          node.properties['data-lang'] = lang;
        },
      },
    ],
  });
}
