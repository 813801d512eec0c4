/** Reads a deck file and turns it into the Deck model (parse → render each slide → validate). */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { resolveImageRef, resolveStylesheet } from './assets.js';
import { DeckError, SlideError } from './errors.js';
import { parseDeckSource } from './dialects/index.js';
import { renderInline, renderSlide } from './render.js';
import { resolveTheme } from './themes.js';
import { applySlideSettings } from './slide-settings.js';
import { parseDuration } from './duration.js';
import { headingText } from '../domain/reveal.js';
import type { Deck, Slide } from './types.js';
import { QA_MODES, type QaMode } from '../../contract/qa.js';

export { DeckError } from './errors.js';

export interface LoadDeckOptions {
  /** Overrides both the file name and the front matter `slug:` (validated the same way). */
  slug?: string;
  /** A larger deck file is refused (default DEFAULT_MAX_DECK_BYTES); the read stops there. */
  maxBytes?: number;
}

/** 5 MB: a long talk is a few hundred kilobytes of Markdown; pictures live beside it, not in it. */
export const DEFAULT_MAX_DECK_BYTES = 5 * 1024 * 1024;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** The longest talk `duration:` may plan (a day: beyond that it is a typo). */
const MAX_TALK_SECONDS = 86_400;
// Loose on purpose: hex, a colour word, or a colour function — but never ; { } < > quotes (CSS injection).
const ACCENT = /^(#[0-9a-f]{3,8}|[a-z]+|(rgba?|hsla?|hwb|lab|lch|oklab|oklch)\([0-9a-z.,%\s/+-]+\))$/i;

/** Lower-cases and turns runs of characters outside [a-z0-9] into `-`, trimming dashes at the ends. */
export function slugify(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** Loads and renders a deck; throws DeckError naming the file (and slide) for anything the speaker must fix. */
export async function loadDeck(file: string, opts: LoadDeckOptions = {}): Promise<Deck> {
  const abs = path.resolve(file);
  const bytes = await readDeckFile(abs, opts.maxBytes ?? DEFAULT_MAX_DECK_BYTES);
  const { meta, dialect, slides: sources, dropped } = parseDeckSource(deckText(abs, bytes), abs);
  if (sources.length === 0) {
    throw new DeckError(abs, 'no slides: the file has no content besides front matter; write Markdown, separating slides with a line holding only ---');
  }
  const dir = path.dirname(abs);
  const baseName = path.basename(abs, path.extname(abs));
  const slug = pickSlug(abs, baseName, meta['slug'], opts.slug);
  // before the slides: the theme picks the code colours they are rendered with
  const theme = resolveTheme(meta['theme'], meta['colorSchema']);
  const ctx = { slug, resolveImage: (ref: string) => resolveImageRef(dir, ref), theme: theme.name };

  const slides: Slide[] = [];
  const slideWarnings: string[] = [];
  const pollSlides = new Map<string, number>();
  let firstHeading: string | null = null;
  for (const [index, source] of sources.entries()) {
    const number = index + 1;
    let rendered;
    try {
      rendered = await renderSlide(source, ctx);
    } catch (err) {
      const line = err instanceof SlideError && err.line !== undefined ? source.line + err.line : source.line;
      const problem = err instanceof Error ? err.message : String(err);
      throw new DeckError(abs, problem, { slide: number, line, cause: err });
    }
    // the deck's title is public from the start: never a heading that a later step reveals
    if (index === 0) firstHeading = rendered.steps ? (headingText(rendered.steps[0]!) ?? null) : rendered.title;
    let slide: Slide = { index, title: rendered.title ?? `Slide ${number}`, html: rendered.html, notes: rendered.notes };
    if (rendered.headline) slide.layout = index === 0 ? 'title' : 'section';
    if (rendered.steps) slide.steps = rendered.steps;
    for (const warning of rendered.warnings ?? []) slideWarnings.push(`slide ${number} (line ${source.line}): ${warning}`);
    if (source.label) slide.label = source.label;
    if (Object.keys(source.settings).length) {
      slide = applySlideSettings(slide, source.settings, ctx, (problem) => slideWarnings.push(`slide ${number} (line ${source.line}): ${problem}`));
      const { header, footer, paginate } = source.settings;
      const chrome = {
        ...(header?.trim() ? { header: await renderInline(header.trim()) } : {}),
        ...(footer?.trim() ? { footer: await renderInline(footer.trim()) } : {}),
        ...(paginate === 'true' ? { page: source.label ?? String(number) } : {}),
      };
      if (Object.keys(chrome).length) slide.chrome = chrome;
    }
    if (rendered.leaderboard) slide.leaderboard = rendered.leaderboard;
    if (rendered.poll) {
      const first = pollSlides.get(rendered.poll.id);
      if (first !== undefined) {
        throw new DeckError(abs, `duplicate poll id "${rendered.poll.id}" (also on slide ${first}); give one of them a different "id:"`, { slide: number, line: source.line });
      }
      pollSlides.set(rendered.poll.id, number);
      slide.poll = rendered.poll;
    }
    slides.push(slide);
  }

  const deck: Deck = {
    slug,
    title: text(abs, meta, 'title') ?? firstHeading ?? baseName,
    meta,
    file: abs,
    dir,
    hash: createHash('sha256').update(bytes).digest('hex').slice(0, 16),
    slides,
    themeName: theme.name,
    dialect,
    dropped,
    warnings: [...(theme.warning ? [theme.warning] : []), ...slideWarnings],
  };
  if (theme.scheme) deck.theme = theme.scheme;
  // Lectern's `aspect: 4:3`; Slidev's `aspectRatio: 4/3`; Marp's `size: 4:3`
  const aspect = meta['aspect'] ?? meta['aspectRatio'] ?? meta['size'];
  if (aspect !== undefined && aspect !== null) {
    const match = /^\s*(\d+(?:\.\d+)?)\s*[:/]\s*(\d+(?:\.\d+)?)\s*$/.exec(String(aspect));
    const ratio = match ? Number(match[1]) / Number(match[2]) : NaN;
    if (match && ratio >= 0.5 && ratio <= 4) {
      if (Math.abs(ratio - 16 / 9) > 1e-6) deck.aspect = `${match[1]}:${match[2]}`;
    } else deck.warnings.push(`aspect ${JSON.stringify(aspect)} must be a ratio such as 16:9 or 4:3; using 16:9`);
  }
  const css = meta['css'];
  if (typeof css === 'string' && css.trim()) {
    const found = resolveStylesheet(dir, css.trim());
    if (found) deck.stylesheet = found;
    else deck.warnings.push(`css ${JSON.stringify(css)} is not a .css file in the deck's folder; the slides use the theme alone`);
  }
  const preview = meta['preview'];
  if (preview === 'all') deck.preview = 'all';
  else if (preview !== undefined && preview !== null && preview !== 'shown') {
    deck.warnings.push(`preview ${JSON.stringify(preview)} must be "all" (the whole deck up front) or "shown" (the default: what the talk has reached)`);
  }
  const duration = meta['duration'];
  if (duration !== undefined && duration !== null) {
    // a bare number is minutes here (`duration: 20`), as Slidev and speakers mean it; `20m`, `1h 30m`, `45:00` read as written
    const minutes = typeof duration === 'number' || (typeof duration === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(duration));
    const seconds = minutes ? Number(duration) * 60 : parseDuration(duration);
    if (seconds !== null && seconds >= 60 && seconds <= MAX_TALK_SECONDS) deck.duration = Math.round(seconds);
    else deck.warnings.push(`duration ${JSON.stringify(duration)} must be the talk's length between 1 minute and 24 hours, e.g. 20m or 1h 30m; the presenter console shows the elapsed time only`);
  }
  const author = text(abs, meta, 'author');
  if (author) deck.author = author;
  const qa = meta['qa'];
  if (qa !== undefined && qa !== null) {
    if (!QA_MODES.includes(qa as QaMode)) throw new DeckError(abs, `front matter "qa" must be open, moderated or off (got ${JSON.stringify(qa)})`);
    deck.qa = qa as QaMode;
  }
  const accent = text(abs, meta, 'accent');
  if (accent) {
    if (!ACCENT.test(accent)) throw new DeckError(abs, `front matter "accent" must be a CSS colour such as "#3b82f6" or "teal" (got ${JSON.stringify(accent)})`);
    deck.accent = accent;
  }
  return deck;
}

/**
 * The file's bytes, read with a bounded stream: a deck larger than `maxBytes` is refused once
 * that much has been read (so `/dev/zero` or a runaway file cannot hold up the start), and a NUL
 * byte ends the read at once (a binary file). Only regular files and character devices are
 * opened: a FIFO would block the start until something writes to it.
 */
async function readDeckFile(abs: string, maxBytes: number): Promise<Buffer> {
  const problem = (err: unknown) => {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a deck file' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code ?? String(err)})`;
    return new DeckError(abs, why, { cause: err });
  };
  let info;
  try {
    info = await stat(abs);
  } catch (err) {
    throw problem(err);
  }
  if (info.isDirectory()) throw new DeckError(abs, 'is a folder, not a deck file');
  if (!info.isFile() && !info.isCharacterDevice()) throw new DeckError(abs, 'is not a regular file (a pipe, socket or device); give a Markdown file');
  const size = (n: number) => (n >= 1024 * 1024 ? `${Math.round((n / 1024 / 1024) * 10) / 10} MB` : `${Math.ceil(n / 1024)} KB`);
  if (info.isFile() && info.size > maxBytes) throw new DeckError(abs, `is ${size(info.size)}, larger than the ${size(maxBytes)} a deck may be; is it really a Markdown file?`);
  const chunks: Buffer[] = [];
  let read = 0;
  const stream = createReadStream(abs, { highWaterMark: 64 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (chunk.includes(0)) throw new DeckError(abs, 'is a binary file (it holds NUL bytes), not a Markdown deck');
      read += chunk.length;
      if (read > maxBytes) throw new DeckError(abs, `is larger than the ${size(maxBytes)} a deck may be; is it really a Markdown file?`);
      chunks.push(chunk);
    }
  } catch (err) {
    throw err instanceof DeckError ? err : problem(err);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks);
}

/** The deck's text: UTF-8 (a byte-order mark is dropped); anything else is refused as not text. */
function deckText(abs: string, bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DeckError(abs, 'is not UTF-8 text (a binary file, or text in another encoding); save the deck as UTF-8 Markdown');
  }
}

function pickSlug(abs: string, baseName: string, fromMeta: unknown, fromOpts: string | undefined): string {
  const given = fromOpts ?? fromMeta;
  if (given !== undefined && given !== null) {
    if (typeof given !== 'string' || !SLUG.test(given)) {
      const hint = slugify(String(given));
      throw new DeckError(abs, `slug ${JSON.stringify(given)} must be lower-case letters, digits and single dashes${hint ? `, e.g. "${hint}"` : ''}`);
    }
    return given;
  }
  const slug = slugify(baseName);
  if (!slug) throw new DeckError(abs, 'cannot derive a slug from the file name; set "slug:" in the front matter (e.g. slug: my-talk)');
  return slug;
}

/** A front-matter value that must be text when present (numbers are accepted and stringified). */
function text(abs: string, meta: Record<string, unknown>, key: string): string | undefined {
  const value = meta[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  throw new DeckError(abs, `front matter "${key}" must be text (got ${Array.isArray(value) ? 'a list' : typeof value})`);
}
