/**
 * Which tool a deck was written for, and the deck read through that tool's rules (types.ts).
 * `dialect:` in the front matter names the tool; otherwise each dialect's `detect` is asked in
 * DETECTION_ORDER, most specific first (an explicit `marp: true` before a guess from markers).
 */
import { DeckError } from '../errors.js';
import { readFrontMatter } from '../parse.js';
import { deckset } from './deckset.js';
import { lectern } from './lectern.js';
import { marp } from './marp.js';
import { obsidian } from './obsidian.js';
import { quarto } from './quarto.js';
import { remark } from './remark.js';
import { reveal } from './reveal.js';
import { slidev } from './slidev.js';
import { DIALECT_NAMES, type Dialect, type DialectName, type DialectSlide, type Dropped } from './types.js';

export { DIALECT_NAMES, type Dialect, type DialectName, type DialectSlide, type Dropped } from './types.js';

/** Most specific first; Lectern's own reading last, it claims anything. */
const DETECTION_ORDER: readonly Dialect[] = [marp, quarto, slidev, deckset, remark, obsidian, reveal, lectern];

const BY_NAME: Readonly<Record<DialectName, Dialect>> = { lectern, reveal, slidev, marp, obsidian, deckset, quarto, remark };

/** Names people write for the same tools. */
const ALIASES: Readonly<Record<string, DialectName>> = {
  revealjs: 'reveal',
  'reveal.js': 'reveal',
  'advanced-slides': 'obsidian',
  'obsidian-advanced-slides': 'obsidian',
  marpit: 'marp',
  'quarto-revealjs': 'quarto',
  remarkjs: 'remark',
  'remark.js': 'remark',
};

/** The dialect a deck is read with; throws DeckError for a `dialect:` naming no tool Lectern reads. */
export function dialectFor(meta: Readonly<Record<string, unknown>>, body: string, file: string): Dialect {
  const named = meta['dialect'];
  if (named !== undefined && named !== null) {
    const key = String(named).trim().toLowerCase();
    const name = (DIALECT_NAMES as readonly string[]).includes(key) ? (key as DialectName) : ALIASES[key];
    if (!name) throw new DeckError(file, `dialect ${JSON.stringify(named)} is not one Lectern reads: ${DIALECT_NAMES.join(', ')}`, { line: 1 });
    return BY_NAME[name];
  }
  return DETECTION_ORDER.find((dialect) => dialect.detect(meta, body)) ?? lectern;
}

export interface ParsedDeckSource {
  meta: Record<string, unknown>;
  /** The tool the deck was written for (detected, or named by `dialect:`). */
  dialect: DialectName;
  slides: DialectSlide[];
  /** What the deck's tool has that Lectern cannot show, with its line. */
  dropped: Dropped[];
}

/** Splits deck source into front matter and slides through its dialect; throws DeckError on malformed front matter or an unknown `dialect:`. */
export function parseDeckSource(source: string, file: string): ParsedDeckSource {
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const { meta, bodyStart } = readFrontMatter(lines, file);
  const body = lines.slice(bodyStart);
  const dialect = dialectFor(meta, body.join('\n'), file);
  const read = dialect.read(body, bodyStart + 1, meta);
  return { meta: { ...read.meta, ...meta }, dialect: dialect.name, slides: read.slides, dropped: read.dropped };
}
