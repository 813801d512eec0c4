import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { watchDeck } from '../../server/deck/watch.js';
import { tempDeck } from '../helpers/decks.js';

describe('watchDeck', () => {
  it('calls back once, debounced, when the deck is written', async () => {
    const file = await tempDeck('# A');
    const onChange = vi.fn();
    const close = watchDeck(file, onChange);
    try {
      await new Promise((r) => setTimeout(r, 50)); // let the watcher settle before the first write
      await writeFile(file, '# B');
      await writeFile(file, '# C');
      await vi.waitFor(() => expect(onChange).toHaveBeenCalled(), { timeout: 2000 });
      await new Promise((r) => setTimeout(r, 300));
      expect(onChange).toHaveBeenCalledTimes(1);
    } finally {
      close();
    }
  });

  it('notices an editor-style save (write elsewhere, rename over) and ignores other files', async () => {
    const file = await tempDeck('# A');
    const onChange = vi.fn();
    const close = watchDeck(file, onChange);
    try {
      await new Promise((r) => setTimeout(r, 50));
      await writeFile(path.join(path.dirname(file), 'other.md'), 'x');
      await new Promise((r) => setTimeout(r, 300));
      expect(onChange).not.toHaveBeenCalled();
      const tmp = path.join(path.dirname(file), '.talk.md.swp');
      await writeFile(tmp, '# New');
      await rename(tmp, file);
      await vi.waitFor(() => expect(onChange).toHaveBeenCalled(), { timeout: 2000 });
    } finally {
      close();
    }
  });

  it('stops calling back after close, and tolerates a missing folder', async () => {
    const file = await tempDeck('# A');
    const onChange = vi.fn();
    watchDeck(file, onChange)();
    await writeFile(file, '# B');
    await new Promise((r) => setTimeout(r, 300));
    expect(onChange).not.toHaveBeenCalled();
    expect(() => watchDeck('/no/such/folder/talk.md', onChange)()).not.toThrow();
  });
});
