/** Zod schemas for everything that crosses the boundary; handlers trust what passed these. */
import { z } from 'zod';

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const HandshakeAuthSchema = z.object({
  talk: z.string().max(200).regex(SLUG_PATTERN, 'talk must be a talk slug such as "my-talk"'),
  key: z.string().max(500).optional(),
  role: z.enum(['screen', 'audience']).optional(),
});

export const GotoSchema = z.object({ index: z.number().int('index must be a whole number') }).strict();

/** Commands without a payload accept nothing or an empty object. */
export const NoPayloadSchema = z.union([z.undefined(), z.object({}).strict()]);
