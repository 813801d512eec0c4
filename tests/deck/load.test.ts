import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckError, loadDeck, slugify } from '../../server/deck/index.js';
import { tempDeck, tempDir } from '../helpers/decks.js';

const EXAMPLE = path.resolve(import.meta.dirname, '../../decks/homelab.md');

describe('loadDeck errors', () => {
  it('names a missing file', async () => {
    const file = path.join(await tempDir(), 'nope.md');
    const err = await loadDeck(file).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(DeckError);
    expect((err as DeckError).file).toBe(file);
    expect((err as DeckError).message).toBe(`${file}: file not found`);
  });

  it('names a folder given instead of a file', async () => {
    const dir = await tempDir();
    await expect(loadDeck(dir)).rejects.toThrow(`${dir}: is a folder`);
  });

  it.each([
    ['an empty file', ''],
    ['only separators and blank lines', '---\n\n---\n   \n---\n'],
    ['only front matter', '---\ntitle: Nothing yet\n---\n\n'],
  ])('refuses a deck with no slides: %s', async (_name, source) => {
    const file = await tempDeck(source);
    await expect(loadDeck(file)).rejects.toThrow(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: no slides`));
  });

  it('names the file for malformed front matter', async () => {
    const file = await tempDeck('---\ntitle: "unterminated\n---\n# A');
    await expect(loadDeck(file)).rejects.toThrow(`${file}:1: malformed front matter`);
  });

  it('loads a deck with an unknown theme on the default theme, with a warning; refuses an accent that is not a colour', async () => {
    const deck = await loadDeck(await tempDeck('---\ntheme: blue\n---\n# A'));
    expect(deck.themeName).toBe('default');
    expect(deck.warnings).toEqual([expect.stringMatching(/theme "blue" is not a built-in theme/)]);
    // another tool's theme name is its nearest built-in, without a warning
    const night = await loadDeck(await tempDeck('---\ntheme: night\n---\n# A'));
    expect([night.themeName, night.theme, night.warnings]).toEqual(['dark', 'dark', []]);
    await expect(loadDeck(await tempDeck('---\naccent: "red; background: url(x)"\n---\n# A'))).rejects.toThrow(/"accent" must be a CSS colour/);
  });
});

describe('slug', () => {
  it.each([
    ['My Talk (2025).md', 'my-talk-2025'],
    ['--Nix__Homelab--.markdown', 'nix-homelab'],
    ['notes.v2.txt', 'notes-v2'],
  ])('%s → %s', async (name, slug) => {
    expect((await loadDeck(await tempDeck('# A', {}, name))).slug).toBe(slug);
  });

  it('slugify lower-cases and collapses runs of other characters', () => {
    expect(slugify('  Ünïcode & Co!! ')).toBe('n-code-co');
  });

  it('is overridden by a valid front matter slug', async () => {
    expect((await loadDeck(await tempDeck('---\nslug: homelab-2025\n---\n# A'))).slug).toBe('homelab-2025');
  });

  it('rejects an invalid front matter slug with a suggestion', async () => {
    await expect(loadDeck(await tempDeck('---\nslug: My Talk\n---\n# A'))).rejects.toThrow(/slug "My Talk" must be .* e\.g\. "my-talk"/);
  });

  it('asks for a slug when the file name has no usable characters', async () => {
    await expect(loadDeck(await tempDeck('# A', {}, '講演.md'))).rejects.toThrow(/set "slug:"/);
  });
});

describe('deck metadata', () => {
  it('takes title, author, theme and accent from front matter, and keeps all of it in meta', async () => {
    const deck = await loadDeck(await tempDeck('---\ntitle: T\nauthor: Ann\ntheme: dark\naccent: "#0f766e"\nmarp: true\n---\n# First'));
    expect(deck).toMatchObject({ title: 'T', author: 'Ann', theme: 'dark', accent: '#0f766e' });
    expect(deck.meta).toEqual({ title: 'T', author: 'Ann', theme: 'dark', accent: '#0f766e', marp: true });
  });

  it('falls back to the first slide title, then the file name', async () => {
    expect((await loadDeck(await tempDeck('intro\n---\n# Later'))).title).toBe('talk');
    expect((await loadDeck(await tempDeck('## Opening words\ntext'))).title).toBe('Opening words');
  });

  it('accepts named colours and colour functions as accent', async () => {
    expect((await loadDeck(await tempDeck('---\naccent: teal\n---\n# A'))).accent).toBe('teal');
    expect((await loadDeck(await tempDeck('---\naccent: oklch(70% 0.1 200)\n---\n# A'))).accent).toBe('oklch(70% 0.1 200)');
  });

  it('hashes the file bytes (sha256, 16 hex chars) and records absolute file and dir', async () => {
    const file = await tempDeck('# A\n---\n# B\n');
    const deck = await loadDeck(path.relative(process.cwd(), file));
    expect(deck.file).toBe(file);
    expect(deck.dir).toBe(path.dirname(file));
    expect(deck.hash).toBe(createHash('sha256').update(await readFile(file)).digest('hex').slice(0, 16));
    expect(deck.slides.map((s) => s.index)).toEqual([0, 1]);
  });
});

describe('the example deck', () => {
  it('loads with every feature present', async () => {
    const deck = await loadDeck(EXAMPLE);
    expect(deck).toMatchObject({ slug: 'homelab', title: 'Live talks from a homelab', theme: 'dark', accent: '#0f766e' });
    expect(deck.author).toBeTruthy();
    expect(deck.slides.length).toBeGreaterThanOrEqual(8);
    expect(deck.slides.length).toBeLessThanOrEqual(12);
    const html = deck.slides.map((s) => s.html).join('\n');
    for (const lang of ['nix', 'bash', 'yaml', 'ts', 'json']) expect(html).toContain(`data-lang="${lang}"`);
    expect(html).toContain('<table>');
    expect(html).toContain('<s>');
    expect(html).toContain('src="/homelab/assets/assets/lectern-flow.svg"');
    expect(html).toMatch(/src="\/homelab\/assets\/assets\/rack\.png"[^>]* width="\d+"/);
    expect(html).not.toContain('missing-image');
    const types = deck.slides.flatMap((s) => (s.poll ? [s.poll.type] : []));
    expect(types.sort()).toEqual(['multiple', 'scale', 'single', 'text', 'words']);
    expect(deck.slides.find((s) => s.poll?.id === 'homelab-breaks')?.poll?.question).toBe('What breaks in your homelab?');
    const notes = deck.slides.map((s) => s.notes);
    expect(notes.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    // Both note styles are used, and no note text leaks onto a slide.
    const source = await readFile(EXAMPLE, 'utf8');
    expect(source).toMatch(/^Notes?:/m);
    expect(source).toContain('<!--');
    expect(html).not.toMatch(/It is always DNS|Welcome\. Ask people/);
  });
});
