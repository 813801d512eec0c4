/**
 * Decks must be text, and reading one at start is bounded: a binary file, text in another
 * encoding, an oversized file, /dev/zero or a FIFO are refused with a DeckError naming the
 * problem, quickly, instead of being rendered as slides or hanging the start.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckError, loadDeck } from '../../server/deck/index.js';
import { tempDeck, tempDir } from '../helpers/decks.js';
import { startTestServer } from '../helpers/server.js';
import { FIXTURE_DECK } from '../helpers/server.js';

async function refusal(file: string, opts = {}): Promise<DeckError> {
  const err = await loadDeck(file, opts).then(() => null, (e: unknown) => e);
  expect(err).toBeInstanceOf(DeckError);
  return err as DeckError;
}

describe('reading a deck file', () => {
  it('refuses a binary file (NUL bytes), naming it', async () => {
    const dir = await tempDir({ 'photo.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]) });
    const err = await refusal(path.join(dir, 'photo.md'));
    expect(err.message).toContain('photo.md');
    expect(err.message).toMatch(/binary file/);
  });

  it('refuses text that is not UTF-8', async () => {
    const dir = await tempDir({ 'latin1.md': Buffer.from('# Caf\xe9 cr\xe8me\n', 'latin1') });
    expect((await refusal(path.join(dir, 'latin1.md'))).message).toMatch(/not UTF-8 text/);
  });

  it('refuses a file over the size cap before reading it, and honours a smaller cap', async () => {
    const dir = await tempDir({ 'huge.md': `# Huge\n\n${'word '.repeat(1_100_000)}` });
    expect((await refusal(path.join(dir, 'huge.md'))).message).toMatch(/larger than the 5 MB a deck may be/);
    const small = await tempDeck(`# Small\n\n${'x'.repeat(4_000)}\n`);
    expect((await refusal(small, { maxBytes: 2_048 })).message).toMatch(/larger than/);
    expect((await loadDeck(small)).slides).toHaveLength(1);
  });

  it('refuses /dev/zero at once instead of reading it for ever', async () => {
    const started = Date.now();
    expect((await refusal('/dev/zero')).message).toMatch(/binary file/);
    console.log(`/dev/zero refused in ${Date.now() - started} ms`);
  });

  it('refuses a FIFO, which would block the start until something writes to it', async () => {
    const dir = await tempDir();
    const fifo = path.join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    expect((await refusal(fifo)).message).toMatch(/not a regular file/);
  });

  it('reads a UTF-8 deck with a byte-order mark as usual', async () => {
    const file = await tempDeck('\ufeff---\ntitle: With a BOM\n---\n\n# Ünïcödé 😀\n');
    const deck = await loadDeck(file);
    expect(deck.title).toBe('With a BOM');
    expect(deck.slides[0]!.title).toBe('Ünïcödé 😀');
  });

  it('starts with the good decks when /dev/zero is named beside them', async () => {
    const server = await startTestServer({ decks: [FIXTURE_DECK, '/dev/zero'] });
    try {
      const { talks } = (await (await fetch(`${server.url}/api/talks`)).json()) as { talks: { slug: string; title: string; broken?: string }[] };
      expect(talks.find((t) => t.title === 'zero')?.broken).toMatch(/binary file/);
      expect(talks.some((t) => t.slug === 'basic')).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('the deck size cap in the configuration', () => {
  it('DECK_MAX_BYTES refuses a deck over it at start', async () => {
    const big = await tempDeck(`# Big\n\n${'y'.repeat(3_000)}\n`, {}, 'big.md');
    const server = await startTestServer({ decks: [FIXTURE_DECK, big], env: { DECK_MAX_BYTES: '2048' } });
    try {
      const { talks } = (await (await fetch(`${server.url}/api/talks`)).json()) as { talks: { title: string; broken?: string }[] };
      expect(talks.find((t) => t.title === 'big.md')?.broken).toMatch(/larger than the 2 KB a deck may be/);
    } finally {
      await server.close();
    }
  });
});
