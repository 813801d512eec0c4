/** Zod schemas for everything that crosses the boundary; handlers trust what passed these. */
import { z } from 'zod';
import { HANDSHAKE_ROLES } from './events.js';
import {
  MAX_LABEL_LENGTH,
  MAX_OPTION_LENGTH,
  MAX_OPTIONS,
  MAX_POLL_ID_LENGTH,
  MAX_POLL_QUESTION_LENGTH,
  MAX_TIMER_ADD_SECONDS,
  MAX_TIMER_SECONDS,
  MIN_OPTIONS,
  MIN_TIMER_SECONDS,
  QA_PAGE_MAX,
  RESULTS_ANSWERS_DEFAULT,
  RESULTS_ANSWERS_MAX,
} from './limits.js';
import { ANSWER_ACTIONS, POLL_MODERATIONS, POLL_TYPES, RESULTS_VISIBILITY } from './poll.js';
import { MODERATION_ACTIONS, REACTION_KINDS } from './qa.js';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const HandshakeAuthSchema = z.object({
  talk: z.string().max(200).regex(SLUG_PATTERN, 'talk must be a talk slug such as "my-talk"'),
  key: z.string().max(500).optional(),
  role: z.enum(HANDSHAKE_ROLES).optional(),
  voter: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'voter must be 16–64 letters, digits, _ or -').optional(),
});

const pollId = z.string().min(1, 'poll is empty').max(MAX_POLL_ID_LENGTH, 'poll id is too long');
export const PollRefSchema = z.object({ poll: pollId }).strict();
export const RevealSchema = z.object({ poll: pollId, reveal: z.boolean() }).strict();
/** The answer's shape depends on the poll type; domain/poll.acceptVote checks it. */
export const VoteSchema = z.object({ poll: pollId, answer: z.unknown() }).strict();
export const NewPollSchema = z
  .object({
    question: z
      .string()
      .trim()
      .min(1, 'question is empty')
      .max(MAX_POLL_QUESTION_LENGTH, `question is longer than ${MAX_POLL_QUESTION_LENGTH} characters`),
    type: z.enum(POLL_TYPES).optional(),
    options: z
      .array(z.string().trim().min(1, 'an option is empty').max(MAX_OPTION_LENGTH))
      .min(MIN_OPTIONS, `give at least ${MIN_OPTIONS} options`)
      .max(MAX_OPTIONS, `at most ${MAX_OPTIONS} options`)
      .optional(),
    max: z.number().int().min(1).max(MAX_OPTIONS).optional(),
    min: z.number().int().optional(),
    labels: z.tuple([z.string().max(MAX_LABEL_LENGTH), z.string().max(MAX_LABEL_LENGTH)]).optional(),
    results: z.enum(RESULTS_VISIBILITY).optional(),
    moderation: z.enum(POLL_MODERATIONS).optional(),
    timer: z
      .number({ error: 'timer must be a number of seconds' })
      .int('timer must be whole seconds')
      .min(MIN_TIMER_SECONDS, `timer is at least ${MIN_TIMER_SECONDS} seconds`)
      .max(MAX_TIMER_SECONDS, `timer is at most ${MAX_TIMER_SECONDS} seconds`)
      .optional(),
  })
  .strict();
/** `poll:timer`: add seconds to an open poll's countdown, or stop it. */
export const PollTimerSchema = z.union(
  [
    z
      .object({
        poll: pollId,
        add: z
          .number({ error: 'add must be a number of seconds' })
          .int('add must be whole seconds')
          .min(1, 'add at least 1 second')
          .max(MAX_TIMER_ADD_SECONDS, `add at most ${MAX_TIMER_ADD_SECONDS} seconds at once`),
      })
      .strict(),
    z.object({ poll: pollId, stop: z.literal(true) }).strict(),
  ],
  { error: 'give { poll, add: seconds } or { poll, stop: true }' },
);
/** Approve or hide single answers of a poll: by their ids, or every answer holding a word (word clouds). */
export const AnswerModerateSchema = z
  .object({
    poll: pollId,
    action: z.enum(ANSWER_ACTIONS),
    ids: z.array(z.number().int().positive()).min(1, 'ids is empty').max(200, 'at most 200 answers at once').optional(),
    word: z.string().trim().min(1, 'word is empty').max(200, 'word is too long').optional(),
  })
  .strict()
  .refine((p) => (p.ids === undefined) !== (p.word === undefined), { message: 'give either ids or word' });

export const GotoSchema = z
  .object({ index: z.number().int('index must be a whole number'), step: z.number().int('step must be a whole number').min(0, 'step must be 0 or more').optional() })
  .strict();

/** Commands without a payload accept nothing or an empty object. */
export const NoPayloadSchema = z.union([z.undefined(), z.object({}).strict()]);

export const AskSchema = z
  .object({
    // a loose bound on what is parsed; domain/qa.acceptQuestion holds the real limit (MAX_QUESTION_LENGTH)
    text: z.string({ error: 'text must be the question as text' }).max(2_000, 'the question is far too long'),
    name: z.string().max(200).optional(),
  })
  .strict();
export const RevokeSchema = z.union([z.object({ id: z.number().int().positive() }).strict(), z.object({ all: z.literal(true) }).strict()], {
  error: 'give { id } of a device, or { all: true }',
});
export const UpvoteSchema = z.object({ id: z.number().int().positive(), up: z.boolean() }).strict();
export const ModerateSchema = z.object({ id: z.number().int().positive(), action: z.enum(MODERATION_ACTIONS) }).strict();
export const ReactionSchema = z.object({ kind: z.enum(REACTION_KINDS) }).strict();
export const QaPageSchema = z
  .object({
    before: z.number({ error: 'before must be a question id (from state.qa.more or the last page)' }).int().positive(),
    limit: z.number().int().min(1).max(QA_PAGE_MAX, `limit is at most ${QA_PAGE_MAX}`).optional(),
  })
  .strict();

const answersLimit = z.coerce
  .number({ error: 'limit must be a number' })
  .int('limit must be a whole number')
  .min(1, 'limit must be at least 1')
  .max(RESULTS_ANSWERS_MAX, `limit is at most ${RESULTS_ANSWERS_MAX}`)
  .default(RESULTS_ANSWERS_DEFAULT);
/** `?limit=` on `/api/talks/:slug/results`: answers per poll in the response. */
export const ResultsQuerySchema = z.object({ limit: answersLimit });
/** `/api/talks/:slug/handout?run=N`: a run by its number (1, 2 …); absent: the talk's latest. */
export const HandoutQuerySchema = z.object({
  run: z.coerce.number({ error: 'run must be a run number (1, 2 …)' }).int().positive('run must be a run number (1, 2 …)').optional(),
});
/** `/api/talks/:slug/results/answers?run=&poll=&cursor=&limit=`. */
export const AnswerPageQuerySchema = z.object({
  run: z.coerce.number({ error: 'run must be a run id' }).int().positive('run must be a run id'),
  poll: z.string().min(1, 'poll is empty').max(MAX_POLL_ID_LENGTH, 'poll id is too long'),
  cursor: z.coerce.number({ error: 'cursor must come from answersNext or next' }).int().min(0).default(0),
  limit: answersLimit,
});
