/** Zod schemas for everything that crosses the boundary; handlers trust what passed these. */
import { z } from 'zod';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const HandshakeAuthSchema = z.object({
  talk: z.string().max(200).regex(SLUG_PATTERN, 'talk must be a talk slug such as "my-talk"'),
  key: z.string().max(500).optional(),
  role: z.enum(['screen', 'audience']).optional(),
  voter: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/, 'voter must be 16–64 letters, digits, _ or -').optional(),
});

const pollId = z.string().min(1, 'poll is empty').max(120, 'poll id is too long');
export const PollRefSchema = z.object({ poll: pollId }).strict();
export const RevealSchema = z.object({ poll: pollId, reveal: z.boolean() }).strict();
/** The answer's shape depends on the poll type; domain/poll.acceptVote checks it. */
export const VoteSchema = z.object({ poll: pollId, answer: z.unknown() }).strict();
export const NewPollSchema = z
  .object({
    question: z.string().trim().min(1, 'question is empty').max(300, 'question is longer than 300 characters'),
    type: z.enum(['single', 'multiple', 'words', 'scale', 'text']).optional(),
    options: z.array(z.string().trim().min(1, 'an option is empty').max(120)).min(2, 'give at least 2 options').max(12, 'at most 12 options').optional(),
    max: z.number().int().min(1).max(12).optional(),
    min: z.number().int().optional(),
    labels: z.tuple([z.string().max(60), z.string().max(60)]).optional(),
    results: z.enum(['visible', 'hidden']).optional(),
  })
  .strict();

export const GotoSchema = z.object({ index: z.number().int('index must be a whole number') }).strict();

/** Commands without a payload accept nothing or an empty object. */
export const NoPayloadSchema = z.union([z.undefined(), z.object({}).strict()]);

export const AskSchema = z
  .object({
    text: z.string({ error: 'text must be the question as text' }).max(2_000, 'the question is far too long'),
    name: z.string().max(200).optional(),
  })
  .strict();
export const UpvoteSchema = z.object({ id: z.number().int().positive(), up: z.boolean() }).strict();
export const ModerateSchema = z
  .object({ id: z.number().int().positive(), action: z.enum(['approve', 'hide', 'answer', 'unanswer', 'pin', 'unpin']) })
  .strict();
export const ReactionSchema = z.object({ kind: z.enum(['clap', 'heart', 'laugh', 'mindblown', 'thumbsup', 'lost']) }).strict();
