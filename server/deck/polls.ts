/** ```poll blocks: YAML → validated PollSpec with defaults applied. Pure. */
import { createHash } from 'node:crypto';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { POLL_CLOSINGS, POLL_MODERATIONS, POLL_OPENINGS, POLL_TYPES, PollType, RESULTS_VISIBILITY, type PollSpec } from '../../contract/poll.js';
import { DEFAULT_MAX_WORDS, DEFAULT_QUIZ_POINTS, MAX_OPTIONS, MAX_QUIZ_POINTS, MAX_TIMER_SECONDS, MIN_OPTIONS, MIN_TIMER_SECONDS } from '../../contract/limits.js';
import { parseDuration } from './duration.js';
import { SlideError } from './errors.js';
import { ErrorCode, LecternError } from '../domain/errors.js';

const TYPES = POLL_TYPES;
const KEYS = ['id', 'question', 'type', 'options', 'max', 'min', 'labels', 'open', 'close', 'results', 'moderation', 'correct', 'points', 'timer'];
const MAX_SCALE_STEPS = 10;

const choice = <const T extends readonly [string, ...string[]]>(key: string, values: T) =>
  z.enum(values, { error: (iss) => `"${key}" must be ${values.join(' or ')} (got ${JSON.stringify(iss.input)})` });
const whole = (key: string) => z.number({ error: `"${key}" must be a number` }).int({ error: `"${key}" must be a whole number` });
const text = (key: string) =>
  z.string({ error: (iss) => (iss.input === undefined ? `"${key}" is missing` : `"${key}" must be text`) });
// YAML turns `options: [1, 2, yes]` into numbers/booleans; voters see text either way.
const option = z
  .union([z.string(), z.number(), z.boolean()], { error: 'every option must be non-empty text' })
  .transform((v) => String(v).trim());

const PollBlock = z.strictObject(
  {
    id: z.union([z.string(), z.number()], { error: '"id" must be text' }).transform(String).optional(),
    question: text('question').trim().min(1, { error: '"question" is empty' }),
    type: z.enum(TYPES, {
      error: (iss) => `unknown type ${JSON.stringify(iss.input)}; use one of ${TYPES.join(', ')}`,
    }).optional(),
    options: z.array(option, { error: '"options" must be a list, e.g. [Yes, No]' }).optional(),
    max: whole('max').optional(),
    min: whole('min').optional(),
    labels: z.tuple([text('labels[0]'), text('labels[1]')], { error: '"labels" must be two texts: [low, high]' }).optional(),
    open: choice('open', POLL_OPENINGS).default('auto'),
    close: choice('close', POLL_CLOSINGS).default('manual'),
    results: choice('results', RESULTS_VISIBILITY).default('visible'),
    moderation: choice('moderation', POLL_MODERATIONS).optional(),
    correct: z.union([option, z.array(option)], { error: '"correct" must be an option, or a list of options' }).optional(),
    points: whole('points').optional(),
    timer: z.union([z.string(), z.number()], { error: '"timer" must be a duration such as 30s or 1m30s' }).optional(),
  },
  { error: (iss) => (iss.code === 'unrecognized_keys' ? unknownKeys(iss.keys) : 'a poll block must be "key: value" lines') },
);
type PollBlock = z.infer<typeof PollBlock>;

function unknownKeys(keys: string[]): string {
  return `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')} (allowed: ${KEYS.join(', ')})`;
}

/** Parses the YAML body of a ```poll block; throws SlideError with a message a speaker can act on. */
export function parsePoll(yamlSource: string): PollSpec {
  let raw: unknown;
  try {
    raw = parseYaml(yamlSource);
  } catch (err) {
    throw new SlideError(`poll: invalid YAML: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    throw new SlideError('poll: the block must be "key: value" lines, at least "question:"');
  }
  return specFrom(raw);
}

/** Builds a PollSpec from an ad-hoc poll (the presenter's live question) by the deck's rules; throws LecternError bad_request. */
export function pollSpecFrom(input: object): PollSpec {
  try {
    return specFrom(input);
  } catch (err) {
    if (err instanceof SlideError) throw new LecternError(ErrorCode.badRequest, err.message.replace(/^poll: /, ''));
    throw err;
  }
}

function specFrom(raw: object): PollSpec {
  const parsed = PollBlock.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    // A typo like "questoin:" yields both "unknown key" and "question is missing": say both.
    const messages = [...new Set(parsed.error.issues.map((i) => i.message))];
    throw new SlideError(`poll: ${messages.join('; ')}`);
  }
  return normalise(parsed.data);
}

function normalise(block: PollBlock): PollSpec {
  const type = block.type ?? (block.options ? PollType.single : undefined);
  if (!type) throw fail('missing "type": give "options" for a choice poll, or set type: words, scale or text');
  const id = block.id ?? pollIdFrom(block.question);
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(id)) {
    throw fail(`"id" ${JSON.stringify(id)} must be letters, digits, - or _ (at most 64)`);
  }
  // `pre` holds every answer for approval; `post` (the default) is stored as absent, so decks written before it compare equal
  const timer = block.timer === undefined ? undefined : checkTimer(block.timer);
  const base = {
    id,
    question: block.question,
    type,
    open: block.open,
    close: block.close,
    results: block.results,
    ...(block.moderation === 'pre' ? { moderation: 'pre' as const } : {}),
    ...(timer !== undefined ? { timer } : {}),
  };
  const forbid = (keys: Array<keyof PollBlock>) => {
    for (const key of keys) if (block[key] !== undefined) throw fail(`"${key}" is not used by ${type} polls`);
  };
  switch (type) {
    case 'single':
    case 'multiple': {
      forbid(type === 'single' ? ['max', 'min', 'labels'] : ['min', 'labels']);
      const options = checkOptions(block.options, type);
      const max = block.max ?? options.length;
      if (max < 1 || max > options.length) throw fail(`"max" must be between 1 and ${options.length} (the number of options)`);
      const quiz = quizFields(block, options, type === 'single' ? null : max);
      return type === 'single' ? { ...base, options, ...quiz } : { ...base, options, max, ...quiz };
    }
    case 'words': {
      forbid(['options', 'min', 'labels', 'correct', 'points']);
      const max = block.max ?? DEFAULT_MAX_WORDS;
      if (max < 1 || max > 10) throw fail('"max" (words per answer) must be between 1 and 10');
      return { ...base, max };
    }
    case 'scale': {
      forbid(['options', 'correct', 'points']);
      const scaleMin = block.min ?? 1;
      const scaleMax = block.max ?? 5;
      if (scaleMin >= scaleMax) throw fail(`"min" (${scaleMin}) must be less than "max" (${scaleMax})`);
      if (scaleMax - scaleMin > MAX_SCALE_STEPS) throw fail(`a scale spans at most ${MAX_SCALE_STEPS} steps (e.g. 0 to 10)`);
      const labels = block.labels?.map((l) => l.trim()) as [string, string] | undefined;
      if (labels && labels.some((l) => !l)) throw fail('"labels" must be two non-empty texts: [low, high]');
      return labels ? { ...base, scaleMin, scaleMax, labels } : { ...base, scaleMin, scaleMax };
    }
    case 'text':
      forbid(['options', 'max', 'min', 'labels', 'correct', 'points']);
      return base;
  }
}

/**
 * A quiz question's right options (matched to the options as written, whatever the letter case) and
 * its points. A single-choice question (`most` null) has one right option; a multiple-choice one at most `max`.
 */
function quizFields(block: PollBlock, options: string[], most: number | null): { correct?: string[]; points?: number } {
  if (block.correct === undefined) {
    if (block.points !== undefined) throw fail('"points" needs "correct": the option (or options) that are right');
    return {};
  }
  if (block.moderation === 'pre') throw fail('a quiz question (with "correct") cannot be pre-moderated: its answers are options, which need no approval');
  const given = Array.isArray(block.correct) ? block.correct : [block.correct];
  if (!given.length) throw fail('"correct" must name at least one option');
  const correct: string[] = [];
  for (const answer of given) {
    const match = options.find((o) => o.toLowerCase() === answer.toLowerCase());
    if (!match) throw fail(`"correct": ${JSON.stringify(answer)} is not one of the options`);
    if (!correct.includes(match)) correct.push(match);
  }
  if (most === null && correct.length > 1) throw fail('"correct": a single-choice question has one right option (use type: multiple for more)');
  if (most !== null && correct.length > most) throw fail(`"correct" lists ${correct.length} options but "max" allows ${most} per answer`);
  const points = block.points ?? DEFAULT_QUIZ_POINTS;
  if (points < 1 || points > MAX_QUIZ_POINTS) throw fail(`"points" must be between 1 and ${MAX_QUIZ_POINTS}`);
  // Kept in the deck's option order, so the reveal lists them as the options read.
  return { correct: options.filter((o) => correct.includes(o)), points };
}

function checkTimer(value: string | number): number {
  const seconds = parseDuration(value);
  if (seconds === null) throw fail(`"timer" ${JSON.stringify(value)} is not a duration; write e.g. 30s, 90 or 1m30s`);
  if (seconds < MIN_TIMER_SECONDS || seconds > MAX_TIMER_SECONDS) throw fail(`"timer" must be between ${MIN_TIMER_SECONDS} seconds and ${MAX_TIMER_SECONDS / 60} minutes (got ${seconds} s)`);
  return seconds;
}

function checkOptions(options: string[] | undefined, type: string): string[] {
  if (!options) throw fail(`a ${type} poll needs "options", e.g. options: [Yes, No]`);
  if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS) throw fail(`"options" must list ${MIN_OPTIONS} to ${MAX_OPTIONS} choices (got ${options.length})`);
  if (options.some((o) => o === '')) throw fail('every option must be non-empty text');
  const seen = new Set<string>();
  for (const o of options) {
    // Case-insensitive: "Yes" and "yes" would confuse voters and results alike.
    if (seen.has(o.toLowerCase())) throw fail(`option ${JSON.stringify(o)} is listed twice`);
    seen.add(o.toLowerCase());
  }
  return options;
}

function fail(problem: string): SlideError {
  return new SlideError(`poll: ${problem}`);
}

/** The default poll id: the question slugified (stable when other slides change), or a hash for non-Latin text. */
export function pollIdFrom(question: string): string {
  const slug = question
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const short = slug.length > 48 ? slug.slice(0, 48).replace(/-[^-]*$/, '') || slug.slice(0, 48) : slug;
  return short || `poll-${createHash('sha256').update(question).digest('hex').slice(0, 8)}`;
}
