/** Decks for tests: the fixture decks in tests/fixtures/decks, and temp-folder decks removed after the file's tests. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';

/** The fixture decks, by file name without `.md`. */
export type FixtureDeck = 'basic' | 'polls' | 'moderated' | 'ui-polls' | 'ui-poll-types';

/** The absolute path of a fixture deck. */
export function fixtureDeck(name: FixtureDeck): string {
  return fileURLToPath(new URL(`../fixtures/decks/${name}.md`, import.meta.url));
}

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** Creates a fresh temp folder holding `files` (relative path → content); returns its path. */
export async function tempDir(files: Record<string, string | Uint8Array> = {}): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'lectern-deck-'));
  made.push(dir);
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(dir, rel);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, content);
  }
  return dir;
}

/** Writes `source` as `name` in a fresh temp folder (plus any extra files); returns the deck path. */
export async function tempDeck(source: string, extra: Record<string, string | Uint8Array> = {}, name = 'talk.md'): Promise<string> {
  const dir = await tempDir({ ...extra, [name]: source });
  return path.join(dir, name);
}

/** A 1×1 PNG, enough for "the file exists". */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
