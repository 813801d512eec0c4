/** Poll rules as pure functions: what answer a poll accepts, and how answers add up. */
import type { Answer, PollResults, PollSpec, PollStatus } from '../../contract/poll.js';
import { DEFAULT_MAX_WORDS, MAX_TEXT_LENGTH, MAX_WORD_LENGTH } from '../../contract/limits.js';
import { codePointLength, excerpt, stripBidiControls } from '../../contract/text.js';
import { ErrorCode, LecternError } from './errors.js';

export type { Answer, PollResults } from '../../contract/poll.js';
export { DEFAULT_MAX_WORDS, MAX_TEXT_LENGTH, MAX_WORD_LENGTH } from '../../contract/limits.js';
const LATEST_TEXTS = 50;
const TOP_WORDS = 60;

const refuse = (code: ErrorCode, message: string): never => {
  throw new LecternError(code, message);
};

// NUL and unpaired surrogates are not text Postgres can store (jsonb refuses them); other control
// characters would only garble the screen.
const UNSTORABLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a text holds characters that cannot be stored or shown (NUL, control codes, broken surrogates). */
export function hasUnstorableCharacters(text: string): boolean {
  return UNSTORABLE.test(text);
}

/** Words are counted case-folded with inner spaces collapsed, so "DNS " and "dns" are one word. */
export function normalizeWord(word: string): string {
  return word.trim().replace(/\s+/g, ' ').toLocaleLowerCase();
}

function acceptChoices(spec: PollSpec, raw: unknown): string | string[] {
  const options = spec.options ?? [];
  if (spec.type === 'single' && Array.isArray(raw) && raw.length > 1) return refuse(ErrorCode.tooManyChoices, 'Pick only one option.');
  const picked = spec.type === 'single' ? (Array.isArray(raw) && raw.length === 1 ? raw : [raw]) : raw;
  if (!Array.isArray(picked) || picked.some((p) => typeof p !== 'string')) {
    return refuse(ErrorCode.invalidAnswer, spec.type === 'single' ? 'Pick one option (send its text).' : 'Send the options you pick as a list of texts.');
  }
  if (picked.length === 0) return refuse(ErrorCode.emptyAnswer, 'Pick at least one option.');
  const unknown = picked.find((p) => !options.includes(p));
  if (unknown !== undefined) return refuse(ErrorCode.invalidOption, `"${excerpt(stripBidiControls(String(unknown)), 60)}" is not an option of this poll.`);
  const chosen = options.filter((o) => picked.includes(o));
  if (spec.type === 'single') return chosen[0]!;
  const max = spec.max ?? options.length;
  if (chosen.length > max) return refuse(ErrorCode.tooManyChoices, `Pick at most ${max} option${max === 1 ? '' : 's'}.`);
  return chosen;
}

function acceptWords(spec: PollSpec, raw: unknown): string[] {
  const list = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(list) || list.some((w) => typeof w !== 'string')) return refuse(ErrorCode.invalidAnswer, 'Send your words as a list of texts.');
  const words: string[] = [];
  const seen = new Set<string>();
  for (const w of list as string[]) {
    if (hasUnstorableCharacters(w)) return refuse(ErrorCode.invalidAnswer, 'Your answer contains characters that cannot be stored.');
    const trimmed = stripBidiControls(w).trim().replace(/\s+/g, ' ');
    if (!trimmed) continue;
    if (codePointLength(trimmed) > MAX_WORD_LENGTH) return refuse(ErrorCode.wordTooLong, `"${excerpt(trimmed, 20)}" is longer than ${MAX_WORD_LENGTH} characters.`);
    if (!seen.has(normalizeWord(trimmed))) (seen.add(normalizeWord(trimmed)), words.push(trimmed));
  }
  if (!words.length) return refuse(ErrorCode.emptyAnswer, 'Type at least one word.');
  const max = spec.max ?? DEFAULT_MAX_WORDS;
  if (words.length > max) return refuse(ErrorCode.tooManyChoices, `Send at most ${max} word${max === 1 ? '' : 's'}.`);
  return words;
}

function acceptScale(spec: PollSpec, raw: unknown): number {
  const min = spec.scaleMin ?? 1;
  const max = spec.scaleMax ?? 5;
  if (raw === null || raw === undefined || raw === '') return refuse(ErrorCode.emptyAnswer, 'Pick a value.');
  if (typeof raw !== 'number' || !Number.isInteger(raw)) return refuse(ErrorCode.invalidAnswer, `Send a whole number from ${min} to ${max}.`);
  if (raw < min || raw > max) return refuse(ErrorCode.invalidOption, `${raw} is outside the scale ${min}–${max}.`);
  return raw;
}

function acceptText(raw: unknown): string {
  if (typeof raw !== 'string') return refuse(ErrorCode.invalidAnswer, 'Send your answer as text.');
  if (hasUnstorableCharacters(raw)) return refuse(ErrorCode.invalidAnswer, 'Your answer contains characters that cannot be stored.');
  const text = stripBidiControls(raw).trim();
  if (!text) return refuse(ErrorCode.emptyAnswer, 'Type an answer first.');
  if (codePointLength(text) > MAX_TEXT_LENGTH) return refuse(ErrorCode.textTooLong, `Answers are limited to ${MAX_TEXT_LENGTH} characters.`);
  return text;
}

/**
 * Checks an answer against an open poll and returns it in the form it is stored in.
 * Throws a LecternError with the code the phone shows; nothing is stored on a refusal.
 */
export function acceptVote(spec: PollSpec, status: PollStatus, raw: unknown): Answer {
  if (status !== 'open') return refuse(ErrorCode.pollClosed, 'This poll is closed.');
  if (raw === undefined || raw === null) return refuse(ErrorCode.emptyAnswer, 'Send an answer.');
  switch (spec.type) {
    case 'single':
    case 'multiple':
      return acceptChoices(spec, raw);
    case 'words':
      return acceptWords(spec, raw);
    case 'scale':
      return acceptScale(spec, raw);
    case 'text':
      return acceptText(raw);
  }
}

/** Adds up stored answers into what the screen shows. `answers` are in arrival order. */
export function tally(spec: PollSpec, answers: readonly { answer: unknown; at: number }[]): PollResults {
  const total = answers.length;
  switch (spec.type) {
    case 'single':
    case 'multiple': {
      const options = spec.options ?? [];
      const counts = options.map(() => 0);
      for (const { answer } of answers) {
        for (const label of Array.isArray(answer) ? answer : [answer]) {
          const i = options.indexOf(label as string);
          if (i >= 0) counts[i]!++;
        }
      }
      return { type: spec.type, total, options, counts };
    }
    case 'words': {
      const counts = new Map<string, { word: string; count: number }>();
      for (const { answer } of answers) {
        for (const w of Array.isArray(answer) ? answer : [answer]) {
          const key = normalizeWord(String(w));
          const entry = counts.get(key) ?? { word: key, count: 0 };
          entry.count++;
          counts.set(key, entry);
        }
      }
      const words = [...counts.values()].sort((a, b) => b.count - a.count || a.word.localeCompare(b.word)).slice(0, TOP_WORDS);
      return { type: 'words', total, words };
    }
    case 'scale': {
      const min = spec.scaleMin ?? 1;
      const max = spec.scaleMax ?? 5;
      const histogram = Array.from({ length: max - min + 1 }, () => 0);
      let sum = 0;
      let n = 0;
      for (const { answer } of answers) {
        if (typeof answer === 'number' && answer >= min && answer <= max) (histogram[answer - min]!++, (sum += answer), n++);
      }
      return { type: 'scale', total, min, max, histogram, mean: n ? Math.round((sum / n) * 100) / 100 : null };
    }
    case 'text':
      return { type: 'text', total, answers: answers.slice(-LATEST_TEXTS).reverse().map(({ answer, at }) => ({ text: String(answer), at })) };
  }
}

/** Results with everything but the number of answers blanked: what a keyless screen may show of hidden results. */
export function redactResults(r: PollResults): PollResults {
  switch (r.type) {
    case 'single':
    case 'multiple':
      return { ...r, counts: r.counts.map(() => 0) };
    case 'words':
      return { ...r, words: [] };
    case 'scale':
      return { ...r, histogram: r.histogram.map(() => 0), mean: null };
    case 'text':
      return { ...r, answers: [] };
  }
}

/**
 * What a deck edit does to a poll that a run already created. Before any answer, everything takes
 * effect: the speaker fixing a typo in an option mid-talk expects to see it. After answers, only
 * what keeps the stored answers meaningful (the question, labels, limits, open/close behaviour):
 * a different type, renamed or reordered options or a new scale range would orphan answers, so
 * those parts keep their run's values and apply from the next run (`kept` says so).
 */
export function applyDeckEdit(current: PollSpec, next: PollSpec, answered: boolean): { spec: PollSpec; kept: boolean } {
  if (!answered) return { spec: next, kept: false };
  const shape = { type: current.type, options: current.options, scaleMin: current.scaleMin, scaleMax: current.scaleMax };
  const kept = JSON.stringify(shape) !== JSON.stringify({ type: next.type, options: next.options, scaleMin: next.scaleMin, scaleMax: next.scaleMax });
  if (!kept) return { spec: next, kept };
  // Another type: every answer-shaping field stays the run's; only the wording and behaviour move.
  if (next.type !== current.type) {
    const { moderation: _was, ...shape } = current;
    return { spec: { ...shape, question: next.question, open: next.open, close: next.close, results: next.results, ...(next.moderation ? { moderation: next.moderation } : {}) }, kept };
  }
  const spec: PollSpec = { ...next };
  for (const field of ['options', 'scaleMin', 'scaleMax'] as const) {
    if (current[field] === undefined) delete spec[field];
    else (spec as unknown as Record<string, unknown>)[field] = current[field];
  }
  return { spec, kept };
}

/** Compares two poll definitions by content; key order differs once one has been through jsonb. */
export function sameSpec(a: PollSpec, b: PollSpec): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
