import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../server/deck/load.js';
import { renderSlide } from '../../server/deck/render.js';
import { PNG, tempDeck } from './helpers.js';

const none = { slug: 'talk', resolveImage: () => null };
const render = (body: string, notes = '') => renderSlide({ body, notes }, none);

describe('titles', () => {
  it('uses the first ATX heading as plain text', async () => {
    expect((await render('intro\n\n## The *real* `title`\n\n# Later')).title).toBe('The real title');
  });

  it('uses a setext heading inside the slide', async () => {
    expect((await render('Big title\n=========\n\ntext')).title).toBe('Big title');
  });

  it('falls back to "Slide n" when a slide has no heading', async () => {
    const deck = await loadDeck(await tempDeck('# One\n---\njust text\n---\n# Three'));
    expect(deck.slides.map((s) => s.title)).toEqual(['One', 'Slide 2', 'Three']);
  });
});

describe('split first, then render', () => {
  it('a list line directly followed by --- stays a list, not a heading', async () => {
    const deck = await loadDeck(await tempDeck('- one\n- two\n---\nnext'));
    expect(deck.slides).toHaveLength(2);
    expect(deck.slides[0]?.html).toContain('<li>two</li>');
    expect(deck.slides[0]?.html).not.toMatch(/<h\d/);
  });

  it('a paragraph directly followed by --- stays a paragraph', async () => {
    const deck = await loadDeck(await tempDeck('Hello there\n---\nnext'));
    expect(deck.slides[0]?.html.trim()).toBe('<p>Hello there</p>');
    expect(deck.slides[0]?.title).toBe('Slide 1');
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

  it('renders notes as Markdown, and never into the slide html', async () => {
    const deck = await loadDeck(await tempDeck('# A\nvisible <!-- **hidden one** -->\n\nNote:\n*hidden two*'));
    const [slide] = deck.slides;
    expect(slide?.html).not.toContain('hidden');
    expect(slide?.notes).toContain('<strong>hidden one</strong>');
    expect(slide?.notes).toContain('<em>hidden two</em>');
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
    expect(html).toContain('class="shiki shiki-themes github-light github-dark"');
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
  const assets = { 'pics/photo one.png': PNG, 'attachments/embed.png': PNG, 'assets/logo.png': PNG, 'beside.png': PNG };

  it('serves a standard image from the deck folder under /<slug>/assets/, URI-encoded per segment', async () => {
    const deck = await loadDeck(await tempDeck('![A photo](<pics/photo one.png>)', assets));
    expect(deck.slides[0]?.html).toBe('<img src="/talk/assets/pics/photo%20one.png" alt="A photo" loading="lazy">');
  });

  it('finds images beside the deck, then in attachments/ and assets/', async () => {
    const deck = await loadDeck(await tempDeck('![b](beside.png) ![l](logo.png)', assets));
    expect(deck.slides[0]?.html).toContain('src="/talk/assets/beside.png"');
    expect(deck.slides[0]?.html).toContain('src="/talk/assets/assets/logo.png"');
  });

  it('renders an Obsidian embed without a size', async () => {
    const deck = await loadDeck(await tempDeck('![[embed.png]]', assets));
    expect(deck.slides[0]?.html).toBe('<img src="/talk/assets/attachments/embed.png" alt="embed.png" loading="lazy">');
  });

  it('renders an Obsidian embed with a width, or width x height', async () => {
    const deck = await loadDeck(await tempDeck('![[embed.png|300]]\n---\n![[logo.png|300x200]]', assets));
    expect(deck.slides[0]?.html).toContain('src="/talk/assets/attachments/embed.png" alt="embed.png" loading="lazy" width="300">');
    expect(deck.slides[1]?.html).toContain('width="300" height="200"');
  });

  it('shows a named placeholder for a missing image, never an <img>', async () => {
    const deck = await loadDeck(await tempDeck('# Pics\n![gone](nope.png)\n---\n![[nope too.png|200]]'));
    for (const [i, name] of ['nope.png', 'nope too.png'].entries()) {
      const html = deck.slides[i]?.html ?? '';
      expect(html).toContain(`<figure class="missing-image" role="img" aria-label="Missing image: ${name}">`);
      expect(html).not.toContain('<img');
    }
  });

  it('refuses paths escaping the deck folder with the placeholder', async () => {
    const deck = await loadDeck(await tempDeck('![x](../../etc/passwd)\n---\n![[../../../etc/hosts]]\n---\n![x](/etc/passwd)', assets));
    for (const slide of deck.slides) {
      expect(slide.html).toContain('class="missing-image"');
      expect(slide.html).not.toContain('<img');
    }
  });

  it('passes http(s) image URLs through unchanged', async () => {
    const { html } = await render('![remote](https://example.org/a.png) ![[http://example.org/b.png|50]]');
    expect(html).toContain('<img src="https://example.org/a.png" alt="remote" loading="lazy">');
    expect(html).toContain('<img src="http://example.org/b.png" alt="b.png" loading="lazy" width="50">');
  });
});
