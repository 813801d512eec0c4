/**
 * Detection across the whole corpus: every deck under tests/fixtures/dialects/<tool>/ is read as
 * that tool's (only `explicit.md` names it with `dialect:`), and every other deck in the
 * repository (the examples, the test fixtures) stays Lectern's own — no dialect claims a deck
 * that is not its tool's.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { DIALECT_NAMES, parseDeckSource } from '../../../server/deck/dialects/index.js';
import { loadDeck } from '../../../server/deck/load.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = join(ROOT, 'tests/fixtures/dialects');

async function markdownUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.md')).map((e) => join(e.parentPath, e.name));
}

const corpus = (await markdownUnder(CORPUS)).sort();
const others = [...(await markdownUnder(join(ROOT, 'decks'))), ...(await markdownUnder(join(ROOT, 'tests/fixtures')))]
  .filter((file) => !file.startsWith(CORPUS))
  .sort();

describe('which tool a deck was written for', () => {
  test('the corpus covers every dialect with several decks', () => {
    for (const name of DIALECT_NAMES.filter((n) => n !== 'lectern')) {
      expect(corpus.filter((file) => relative(CORPUS, file).startsWith(`${name}/`)).length, name).toBeGreaterThanOrEqual(4);
    }
  });

  test.each(corpus.map((file) => [relative(CORPUS, file), file]))('%s is read as its folder’s tool, and loads', async (name, file) => {
    const source = await readFile(file, 'utf8');
    const expected = name.split('/')[0];
    const parsed = parseDeckSource(source, file);
    expect(parsed.dialect).toBe(expected);
    // only explicit.md needs to say so
    if (!name.endsWith('explicit.md')) expect(source).not.toMatch(/^dialect:/m);
    const deck = await loadDeck(file);
    expect(deck.slides.length).toBeGreaterThan(0);
    // no tool's markup reaches a phone: directives, click tags, slide attributes (code shows what it
    // shows, and so does an escaped Quarto shortcode, which reads as text by design)
    for (const slide of deck.slides) {
      for (const html of [slide.html, slide.notes]) {
        expect(html.replace(/<pre[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '')).not.toMatch(/<v-clicks?|v-click|\.slide:|\.element:|<!--|_class:|\[\.[a-z-]+[:\]]|^\?\?\?$|\{\{(?!&lt;)/m);
      }
    }
  });

  test.each(others.map((file) => [relative(ROOT, file), file]))('%s stays a Lectern deck', async (_name, file) => {
    const source = await readFile(file, 'utf8');
    let dialect: string;
    try {
      dialect = parseDeckSource(source, file).dialect;
    } catch {
      return; // a deliberately broken fixture: no dialect to detect
    }
    expect(dialect).toBe(/^dialect:\s*(\S+)/m.exec(source)?.[1] ?? 'lectern');
  });
});
