/** Calls back when a deck file changes on disk, however the editor saves it. */
import { watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

/** Watches `file` (via its folder, since editors replace files by rename), debounced ~150 ms; returns a close function. */
export function watchDeck(file: string, onChange: () => void, debounceMs = 150): () => void {
  const abs = path.resolve(file);
  const name = path.basename(abs);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      try {
        onChange();
      } catch {
        // A failing reload must not take the watcher (or the process) down; the caller logs its own errors.
      }
    }, debounceMs);
  };
  try {
    watcher = watch(path.dirname(abs), (_event, filename) => {
      // Some platforms omit the name; then any change in the folder may be ours.
      if (filename === null || filename.toString() === name) fire();
    });
    watcher.on('error', () => {});
  } catch {
    // Folder missing or not watchable: nothing to watch, and nothing to throw at a live talk.
  }
  return () => {
    clearTimeout(timer);
    watcher?.close();
  };
}
