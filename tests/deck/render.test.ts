import { describe, expect, it } from 'vitest';
import { loadDeck } from '../../server/deck/load.js';
import { PNG, tempDeck } from '../helpers/decks.js';

describe('titles', () => {
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
  it('renders notes as Markdown, and never into the slide html', async () => {
    const deck = await loadDeck(await tempDeck('# A\nvisible <!-- **hidden one** -->\n\nNote:\n*hidden two*'));
    const [slide] = deck.slides;
    expect(slide?.html).not.toContain('hidden');
    expect(slide?.notes).toContain('<strong>hidden one</strong>');
    expect(slide?.notes).toContain('<em>hidden two</em>');
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
    const deck = await loadDeck(await tempDeck('![x](../../etc/passwd)\n---\n![[../../../etc/hosts.png]]\n---\n![x](/etc/passwd)', assets));
    for (const slide of deck.slides) {
      expect(slide.html).toContain('class="missing-image"');
      expect(slide.html).not.toContain('<img');
    }
  });
});
