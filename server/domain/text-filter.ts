/**
 * The profanity filter for what the audience types (words, text answers, questions, names): the
 * `obscenity` matcher with its English dataset and recommended transformers (case, leetspeak,
 * confusable and repeated letters), plus a deck's and the server's own block and allow lists.
 * Pure: the same lists and text give the same verdict. A flagged text is held for a moderator,
 * never refused, so nothing here reaches the phone.
 */
import {
  DataSet,
  englishDataset,
  englishRecommendedTransformers,
  parseRawPattern,
  RegExpMatcher,
  type MatchPayload,
} from 'obscenity';

export interface WordLists {
  /** Use obscenity's English dataset (default true). */
  dataset?: boolean;
  /** Terms to hold, whole words; `*` at either end also matches inside longer words (`bank*`). */
  block?: readonly string[];
  /** Terms never flagged: a dataset word listed here is dropped, and spans of these terms are ignored. */
  allow?: readonly string[];
}

export interface Screening {
  flagged: boolean;
  /** What matched, e.g. `profanity: fuck`, `blocklist: kubernetes` — shown to moderators only. */
  reasons: string[];
}

export interface TextFilter {
  screen(text: string): Screening;
}

const MAX_TERM_LENGTH = 100;

/** Lowercased, trimmed, deduplicated terms; blank lines and `#` comments dropped. */
export function cleanTerms(terms: readonly unknown[] | undefined): string[] {
  const out = new Set<string>();
  for (const t of terms ?? []) {
    if (typeof t !== 'string' && typeof t !== 'number') continue;
    const term = String(t).trim().replace(/\s+/g, ' ').toLowerCase();
    if (term && !term.startsWith('#') && term.length <= MAX_TERM_LENGTH) out.add(term);
  }
  return [...out];
}

/** Reads a list file's text: one term per line, `#` starts a comment line. */
export function parseTermList(text: string): string[] {
  return cleanTerms(text.split(/\r?\n/));
}

/** A deck's `blocklist:` and `allowlist:` front matter (a list, or one comma-separated text). */
export function deckWordLists(meta: Record<string, unknown> | undefined): { block: string[]; allow: string[] } {
  const read = (value: unknown) => cleanTerms(Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : []);
  return { block: read(meta?.['blocklist']), allow: read(meta?.['allowlist']) };
}

// obscenity's pattern syntax gives [ ] ? | \ a meaning; a speaker's term means the letters.
const escapePattern = (s: string) => s.replace(/[[\]?|\\]/g, (c) => `\\${c}`);

function termPattern(term: string) {
  const left = term.startsWith('*') ? '' : '|';
  const right = term.endsWith('*') ? '' : '|';
  const core = term.replace(/^\*+|\*+$/g, '');
  return core ? parseRawPattern(`${left}${escapePattern(core)}${right}`) : undefined;
}

/**
 * "f u c k", "f.u.c.k", "s-e-x": single letters split by spaces or marks, joined back into a word.
 * obscenity reads words as typed, so the spaced form would slip past it.
 */
export function joinSpacedLetters(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])[\p{L}\p{N}](?:[\s._*\-+~]+[\p{L}\p{N}](?![\p{L}\p{N}])){2,}/gu, (run) => run.replace(/[\s._*\-+~]+/g, ''));
}

/**
 * Sentence marks after a word turned into spaces: leetspeak reads "!" as "i", so "KUBERNETES!"
 * would no longer end where the word does and a whole-word term would slip past.
 */
export function unpunctuated(text: string): string {
  return text.replace(/[!?.,;:]+(?=\s|$)/g, ' ');
}

const bare = (term: string) => term.replace(/^\*+|\*+$/g, '');

/** Compiles the lists once; `screen` is then a few regular expressions per text. */
export function createTextFilter(lists: WordLists): TextFilter {
  const allowed = [...new Set(cleanTerms(lists.allow).map(bare).filter(Boolean))];
  const allowSet = new Set(allowed);
  const matchers: { matcher: RegExpMatcher; reason: (m: MatchPayload) => string }[] = [];
  if (lists.dataset !== false) {
    const english = new DataSet<{ originalWord: string }>().addAll(englishDataset).removePhrasesIf((p) => allowSet.has(p.metadata?.originalWord ?? ''));
    const built = english.build();
    matchers.push({
      matcher: new RegExpMatcher({ ...built, whitelistedTerms: [...(built.whitelistedTerms ?? []), ...allowed], ...englishRecommendedTransformers }),
      reason: (m) => `profanity: ${english.getPayloadWithPhraseMetadata(m).phraseMetadata?.originalWord ?? '?'}`,
    });
  }
  const own = new DataSet<{ term: string }>();
  for (const term of cleanTerms(lists.block)) {
    const pattern = allowSet.has(bare(term)) ? undefined : termPattern(term); // allow wins
    if (pattern) own.addPhrase((p) => p.setMetadata({ term }).addPattern(pattern));
  }
  const ownBuilt = own.build();
  if (ownBuilt.blacklistedTerms.length) {
    matchers.push({
      matcher: new RegExpMatcher({ ...ownBuilt, whitelistedTerms: allowed, ...englishRecommendedTransformers }),
      reason: (m) => `blocklist: ${own.getPayloadWithPhraseMetadata(m).phraseMetadata?.term ?? '?'}`,
    });
  }

  const reasonsIn = (text: string, into: Set<string>) => {
    for (const { matcher, reason } of matchers) for (const m of matcher.getAllMatches(text)) into.add(reason(m));
  };

  return {
    screen(text: string): Screening {
      if (!matchers.length || !text) return { flagged: false, reasons: [] };
      const reasons = new Set<string>();
      for (const variant of new Set([text, joinSpacedLetters(text), unpunctuated(text)])) reasonsIn(variant, reasons);
      return { flagged: reasons.size > 0, reasons: [...reasons] };
    },
  };
}

// A few compiled filters kept, so screenText with the same lists does not recompile the dataset.
const compiled = new Map<string, TextFilter>();

/** Screens one text against these lists (compiled once per distinct lists, a handful kept). */
export function screenText(text: string, lists: WordLists = {}): Screening {
  const key = JSON.stringify([lists.dataset !== false, cleanTerms(lists.block), cleanTerms(lists.allow)]);
  let filter = compiled.get(key);
  if (!filter) {
    if (compiled.size >= 16) compiled.delete(compiled.keys().next().value!);
    filter = createTextFilter(lists);
    compiled.set(key, filter);
  }
  return filter.screen(text);
}

/** Screens several texts (a words answer, a question and its name): flagged if any is. */
export function screenAll(filter: TextFilter, texts: readonly string[]): Screening {
  const reasons = new Set<string>();
  for (const t of texts) filter.screen(t).reasons.forEach((r) => reasons.add(r));
  return { flagged: reasons.size > 0, reasons: [...reasons] };
}
