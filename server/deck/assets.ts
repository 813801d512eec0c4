/** Files a deck may serve: images and media inside its folder, never anything outside it. */
import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Deck } from './types.js';

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mov': 'video/quicktime',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
};

/** The Content-Type for a served asset, or undefined for a type we do not serve. */
export function contentTypeFor(file: string): string | undefined {
  return TYPES[path.extname(file).toLowerCase()];
}

/**
 * Absolute path of the file an asset URL names, or null. `urlPath` is the part after
 * `/<slug>/assets/` (a full `/<slug>/assets/…` path is accepted too), still URI-encoded.
 */
export function resolveAsset(deck: Pick<Deck, 'dir' | 'slug'>, urlPath: string): string | null {
  let rel = urlPath.replace(/[?#].*$/, '');
  const prefix = `/${deck.slug}/assets/`;
  if (rel.startsWith(prefix)) rel = rel.slice(prefix.length);
  try {
    rel = decodeURIComponent(rel);
  } catch {
    return null;
  }
  const found = fileInside(deck.dir, rel);
  return found ? path.join(path.resolve(deck.dir), ...found.split('/')) : null;
}

/**
 * Where an image reference (decoded, as written in the deck) lives, relative to the deck dir
 * with `/` separators: tried beside the deck, then in attachments/ and assets/. Null when missing.
 */
export function resolveImageRef(dir: string, ref: string): string | null {
  for (const base of ['', 'attachments/', 'assets/']) {
    const found = fileInside(dir, base + ref);
    if (found) return found;
  }
  return null;
}

/**
 * The deck's own stylesheet (`css: style.css`), relative to its folder with `/` separators, or
 * null when it is not a .css file inside the folder. Only this one stylesheet is served.
 */
export function resolveStylesheet(dir: string, ref: string): string | null {
  if (!/\.css$/i.test(ref)) return null;
  return fileInside(dir, ref, 'text/css');
}

/** Normalised relative path of an existing servable file under `dir`, or null if it is not one. */
function fileInside(dir: string, rel: string, type = contentTypeFor(rel)): string | null {
  // Backslashes are separators on Windows and NUL truncates in C: refuse both outright.
  if (rel === '' || rel.includes('\0') || rel.includes('\\') || path.posix.isAbsolute(rel)) return null;
  const norm = path.posix.normalize(rel);
  const segments = norm.split('/').filter((s) => s !== '' && s !== '.');
  // No climbing out, and no dotfiles (.git, .env) even inside the folder.
  if (segments.length === 0 || segments.some((s) => s.startsWith('.'))) return null;
  if (!type) return null; // never the deck's Markdown: it holds presenter-only notes
  try {
    const root = realpathSync(dir);
    const real = realpathSync(path.join(root, ...segments));
    // realpath follows symlinks, so a link pointing outside the deck folder fails here.
    if (!real.startsWith(root + path.sep) || !statSync(real).isFile()) return null;
  } catch {
    return null;
  }
  return segments.join('/');
}
