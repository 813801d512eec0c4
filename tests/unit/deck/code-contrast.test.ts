/**
 * Every built-in theme's code colours are readable on a projector: each token of real code in
 * the languages talks use reaches WCAG AA (4.5:1) on its code background, AAA (7:1) for the
 * high-contrast theme, in the light and the dark variant.
 */
import { describe, expect, test } from 'vitest';
import { THEME_NAMES } from '../../../contract/theme.js';
import { contrastRatio } from '../../../server/deck/contrast.js';
import { getHighlighter, highlight, prepareHighlighter } from '../../../server/deck/highlight.js';

const SAMPLES: Record<string, string> = {
  nix: '{ pkgs, lib, ... }:\n# a comment\nlet port = 3000; in {\n  services.lectern = { enable = true; host = "0.0.0.0"; inherit port; };\n}',
  ts: "// comment\nimport { io } from 'socket.io-client';\nexport async function join(url: string): Promise<number> { return 0x2f; }",
  bash: '#!/usr/bin/env bash\n# comment\nset -euo pipefail\nexport PORT=3000\nif [ -n "$X" ]; then echo "ok ${PORT}"; fi',
  yaml: '# comment\nquestion: What do you run?\noptions:\n  - "NixOS"\ncount: 3',
  python: 'def f(x: int) -> str:\n    """doc"""\n    return f"{x!r}"  # c',
  diff: '--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new',
};

describe.each(THEME_NAMES)('code in the %s theme', (theme) => {
  test('every token reaches the contrast ratio on its background, light and dark', async () => {
    const hl = await getHighlighter();
    await prepareHighlighter(hl, theme, Object.keys(SAMPLES));
    const min = theme === 'contrast' ? 7 : 4.5;
    for (const [lang, code] of Object.entries(SAMPLES)) {
      const html = highlight(hl, code, lang, theme)!;
      for (const scheme of ['light', 'dark']) {
        const bg = new RegExp(`--shiki-${scheme}-bg:(#[0-9a-f]+)`, 'i').exec(html)![1]!;
        const colors = [...html.matchAll(new RegExp(`--shiki-${scheme}:(#[0-9a-f]+)`, 'gi'))].map((m) => m[1]!);
        expect(colors.length).toBeGreaterThan(2);
        for (const color of colors) expect(contrastRatio(color, bg), `${lang} ${scheme}: ${color} on ${bg}`).toBeGreaterThanOrEqual(min);
      }
    }
  });
});
