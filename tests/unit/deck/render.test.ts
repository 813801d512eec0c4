import { describe, expect, it } from 'vitest';
import { renderSlide } from '../../../server/deck/render.js';

const none = { slug: 'talk', resolveImage: () => null };
const render = (body: string, notes = '') => renderSlide({ body, notes }, none);

describe('titles', () => {
  it('uses the first ATX heading as plain text', async () => {
    expect((await render('intro\n\n## The *real* `title`\n\n# Later')).title).toBe('The real title');
  });

  it('uses a setext heading inside the slide', async () => {
    expect((await render('Big title\n=========\n\ntext')).title).toBe('Big title');
  });
});

describe('markdown features', () => {
  it('renders GFM tables and strikethrough', async () => {
    const { html } = await render('| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~');
    expect(html).toContain('<table>');
    expect(html).toContain('<td>2</td>');
    expect(html).toContain('<s>gone</s>');
  });

  it('opens links and linkified URLs in a new tab', async () => {
    const { html } = await render('[docs](https://example.org/docs) and https://example.com/x');
    expect(html).toContain('<a href="https://example.org/docs" target="_blank" rel="noopener">docs</a>');
    expect(html).toContain('<a href="https://example.com/x" target="_blank" rel="noopener">');
  });

  it('leaves in-page anchors in the same tab', async () => {
    expect((await render('[up](#top)')).html).toBe('<p><a href="#top">up</a></p>\n');
  });
});

describe('code highlighting', () => {
  it.each([
    ['nix', '{ pkgs, ... }: { services.nginx.enable = true; }'],
    ['bash', 'echo "$HOME" | grep -c x'],
    ['sh', 'ls -la'],
    ['yaml', 'key: value\nlist: [1, 2]'],
    ['ts', 'const x: number = 1;'],
    ['json', '{ "a": [1, true, null] }'],
  ])('highlights %s on the server with both themes as CSS variables', async (lang, code) => {
    const { html } = await render(`\`\`\`${lang}\n${code}\n\`\`\``);
    expect(html).toContain('class="shiki shiki-themes lectern-default-light lectern-default-dark"');
    expect(html).toContain(`data-lang="${lang}"`);
    expect(html).toMatch(/--shiki-light:#[0-9a-f]+;--shiki-dark:#[0-9a-f]+/i);
    // Several distinct token colours means real highlighting, not one plain span.
    expect(new Set(html.match(/--shiki-dark:#[0-9A-F]{6}/gi)).size).toBeGreaterThan(1);
    // No default inline color: the page picks light or dark itself.
    expect(html).not.toMatch(/[;"]color:/);
  });

  it('escapes code with no language or an unknown one into a plain block', async () => {
    expect((await render('```\n<b>&\n```')).html).toBe('<pre><code>&lt;b&gt;&amp;\n</code></pre>\n');
    expect((await render('```klingon\n<b>\n```')).html).toBe('<pre data-lang="klingon"><code>&lt;b&gt;\n</code></pre>\n');
  });
});

describe('images', () => {
  it('passes http(s) image URLs through unchanged', async () => {
    const { html } = await render('![remote](https://example.org/a.png) ![[http://example.org/b.png|50]]');
    expect(html).toContain('<img src="https://example.org/a.png" alt="remote" loading="lazy">');
    expect(html).toContain('<img src="http://example.org/b.png" alt="b.png" loading="lazy" width="50">');
  });
});

describe('leaderboard blocks', () => {
  it('marks the podium’s place and carries its settings, defaulting to the top 5', async () => {
    const plain = await render('# Standings\n\n```leaderboard\n```');
    expect(plain.leaderboard).toEqual({ top: 5 });
    expect(plain.html).toContain('<div class="lectern-leaderboard"></div>');
    expect(plain.html).not.toContain('<pre');
    expect((await render('```leaderboard\ntop: 10\ntitle: " Who won? "\n```')).leaderboard).toEqual({ top: 10, title: 'Who won?' });
  });

  it('refuses what a speaker must fix, naming it', async () => {
    await expect(render('```leaderboard\ntop: 2\n```')).rejects.toThrow(/"top" must be a whole number between 3 and 10/);
    await expect(render('```leaderboard\ntop: 11\n```')).rejects.toThrow(/between 3 and 10/);
    await expect(render('```leaderboard\nsize: 4\n```')).rejects.toThrow(/unknown key "size" \(allowed: top, title\)/);
    await expect(render('```leaderboard\n- a\n```')).rejects.toThrow(/leaderboard: the block/);
    await expect(render('```leaderboard\n```\n\n```leaderboard\n```')).rejects.toThrow(/at most one leaderboard/);
  });

  it('leaves slides without one alone', async () => {
    expect((await render('# Just text')).leaderboard).toBeUndefined();
  });
});
