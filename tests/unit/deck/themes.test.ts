import { describe, expect, test } from 'vitest';
import { THEME_NAMES } from '../../../contract/theme.js';
import { resolveTheme, THEME_ALIASES } from '../../../server/deck/themes.js';

describe('resolveTheme', () => {
  test('every built-in name is itself, and no theme means the default following the reader', () => {
    for (const name of THEME_NAMES) expect(resolveTheme(name).name).toBe(name);
    expect(resolveTheme(undefined)).toEqual({ name: 'default' });
  });

  test("other tools' theme names map to the nearest built-in", () => {
    expect(resolveTheme('night')).toEqual({ name: 'dark', scheme: 'dark' });
    expect(resolveTheme('black').name).toBe('dark');
    expect(resolveTheme('gaia').name).toBe('lead');
    expect(resolveTheme('seriph').name).toBe('serif');
    expect(resolveTheme('@slidev/theme-seriph').name).toBe('serif');
    expect(resolveTheme('slidev-theme-apple-basic').name).toBe('default');
    expect(resolveTheme('Dracula').name).toBe('terminal');
    expect(resolveTheme('uncover').warning).toBeUndefined();
    for (const target of Object.values(THEME_ALIASES)) expect(THEME_NAMES).toContain(target);
  });

  test('an unknown name is a warning and the default theme, never a refusal', () => {
    const resolved = resolveTheme('my-company-2019');
    expect(resolved.name).toBe('default');
    expect(resolved.warning).toMatch(/"my-company-2019" is not a built-in theme/);
    expect(resolveTheme(42).warning).toMatch(/42/);
  });

  test('light and dark still force the scheme; a single-scheme theme always has its own', () => {
    expect(resolveTheme('light')).toEqual({ name: 'default', scheme: 'light' });
    expect(resolveTheme('dark')).toEqual({ name: 'dark', scheme: 'dark' });
    expect(resolveTheme('terminal', 'light')).toEqual({ name: 'terminal', scheme: 'dark' });
  });

  test("Slidev's colorSchema picks the scheme of a theme that has both", () => {
    expect(resolveTheme('serif', 'dark')).toEqual({ name: 'serif', scheme: 'dark' });
    expect(resolveTheme('default', 'auto')).toEqual({ name: 'default' });
    expect(resolveTheme('default', 'sepia').warning).toMatch(/colorSchema "sepia"/);
  });
});
