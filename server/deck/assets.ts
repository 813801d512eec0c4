/**
 * Files a deck may serve: the images and media its slides reference (and its stylesheet with what
 * that stylesheet references), inside its folder, never anything else beside or outside it.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
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

/** A stylesheet larger than this is not scanned for url() references (it is still served). */
const MAX_SCANNED_CSS_BYTES = 1024 * 1024;

const referenced = new WeakMap<Deck, { files: ReadonlySet<string>; cssStamp: string }>();

/**
 * The files (relative to the deck folder, `/` separators, normalised) that the deck refers to:
 * every `/<slug>/assets/…` URL in its slides (steps, notes, backgrounds, header and footer
 * included, whatever wrote it: Markdown, a setting or raw HTML), its stylesheet, and what the
 * stylesheet's `url()`s name. Computed once per loaded deck (a reload is a new Deck), and again
 * when the stylesheet's modification time changes.
 */
export function referencedAssets(deck: Pick<Deck, 'slug' | 'dir' | 'slides' | 'stylesheet'>): ReadonlySet<string> {
  const cssStamp = deck.stylesheet ? stampOf(path.join(deck.dir, deck.stylesheet)) : '';
  const cached = referenced.get(deck as Deck);
  if (cached && cached.cssStamp === cssStamp) return cached.files;
  const files = new Set<string>();
  const prefix = `/${deck.slug}/assets/`;
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // stops at what ends a URL in HTML, CSS or JSON (a quote, a bracket, a backslash escape, a space)
  const urls = new RegExp(`${escaped}([^"'\\s<>()\\\\?#]+)`, 'g');
  for (const match of JSON.stringify(deck.slides).matchAll(urls)) addRef(files, match[1]!);
  if (deck.stylesheet) {
    files.add(deck.stylesheet);
    for (const ref of cssUrls(path.join(deck.dir, deck.stylesheet))) {
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(ref)) continue; // data:, https:, //host
      if (ref.startsWith(prefix)) addRef(files, ref.slice(prefix.length).replace(/[?#].*$/, ''));
      else if (!ref.startsWith('/')) addRef(files, path.posix.join(path.posix.dirname(deck.stylesheet), ref.replace(/[?#].*$/, '')));
    }
  }
  referenced.set(deck as Deck, { files, cssStamp });
  return files;
}

/** Whether `rel` (decoded, relative to the deck folder) is a file the deck refers to. */
export function isReferenced(deck: Pick<Deck, 'slug' | 'dir' | 'slides' | 'stylesheet'>, rel: string): boolean {
  const norm = normalise(rel);
  return norm !== null && referencedAssets(deck).has(norm);
}

function addRef(files: Set<string>, ref: string, encoded = true): void {
  let rel = ref;
  if (encoded) {
    try {
      rel = decodeURIComponent(ref);
    } catch {
      return;
    }
  }
  const norm = normalise(rel);
  if (norm) files.add(norm);
}

/** `a/./b/../c.png` → `a/c.png`; null for a path that climbs out of the folder. */
function normalise(rel: string): string | null {
  if (rel === '' || rel.includes('\0') || rel.includes('\\') || path.posix.isAbsolute(rel)) return null;
  const norm = path.posix.normalize(rel);
  if (norm === '..' || norm.startsWith('../')) return null;
  return norm.split('/').filter((s) => s !== '' && s !== '.').join('/') || null;
}

function stampOf(file: string): string {
  try {
    const st = statSync(file);
    return `${st.mtimeMs}:${st.size}`;
  } catch {
    return 'gone';
  }
}

/** The url(…) references in a stylesheet (quotes removed), or none when it is unreadable or huge. */
function cssUrls(file: string): string[] {
  let css: string;
  try {
    if (statSync(file).size > MAX_SCANNED_CSS_BYTES) return [];
    css = readFileSync(file, 'utf8');
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const m of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi)) {
    const ref = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (ref) out.push(ref);
  }
  return out;
}
