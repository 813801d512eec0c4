import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAsset } from '../../server/deck/assets.js';
import { PNG, tempDir } from '../helpers/decks.js';

async function deckIn(files: Record<string, string | Uint8Array>) {
  const root = await tempDir({ 'outside.png': PNG, 'secret.txt': 'x' });
  const dir = path.join(root, 'deck');
  await mkdir(dir);
  for (const [rel, content] of Object.entries({ 'talk.md': '# A', ...files })) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content);
  }
  return { root, dir, deck: { dir, slug: 'talk' } };
}

describe('resolveAsset', () => {
  it('finds files in the deck folder and its attachments/ and assets/ folders', async () => {
    const { dir, deck } = await deckIn({ 'a.png': PNG, 'assets/b c.png': PNG, 'attachments/d.svg': '<svg/>' });
    expect(resolveAsset(deck, 'a.png')).toBe(path.join(dir, 'a.png'));
    expect(resolveAsset(deck, 'assets/b%20c.png')).toBe(path.join(dir, 'assets', 'b c.png'));
    expect(resolveAsset(deck, '/talk/assets/attachments/d.svg')).toBe(path.join(dir, 'attachments', 'd.svg'));
  });

  it('returns null for files that do not exist or are folders', async () => {
    const { deck } = await deckIn({ 'assets/x.png': PNG });
    expect(resolveAsset(deck, 'nope.png')).toBeNull();
    expect(resolveAsset(deck, 'assets')).toBeNull();
  });

  it.each([
    '../outside.png',
    '%2e%2e/outside.png',
    '%2E%2E%2Foutside.png',
    'assets/../../outside.png',
    '/etc/passwd',
    '%2fetc%2fpasswd',
    '..%5coutside.png',
    'a.png%00.png',
    '%zz',
  ])('never escapes the deck folder: %s', async (url) => {
    const { deck } = await deckIn({ 'a.png': PNG });
    expect(resolveAsset(deck, url)).toBeNull();
  });

  it('refuses symlinks that point outside the deck folder, but follows ones inside', async () => {
    const { root, dir, deck } = await deckIn({ 'real.png': PNG });
    await symlink(path.join(root, 'outside.png'), path.join(dir, 'escape.png'));
    await symlink(path.join(dir, 'real.png'), path.join(dir, 'alias.png'));
    expect(resolveAsset(deck, 'escape.png')).toBeNull();
    expect(resolveAsset(deck, 'alias.png')).toBe(path.join(dir, 'alias.png'));
  });

  it('never serves the deck source (notes are presenter-only) or dotfiles', async () => {
    const { deck } = await deckIn({ '.hidden.png': PNG, '.git/x.png': PNG });
    expect(resolveAsset(deck, 'talk.md')).toBeNull();
    expect(resolveAsset(deck, '.hidden.png')).toBeNull();
    expect(resolveAsset(deck, '.git/x.png')).toBeNull();
  });
});
