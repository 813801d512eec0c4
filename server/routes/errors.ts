import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../../db/errors.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { describeZodError } from '../realtime/ack.js';

const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  out_of_range: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unavailable: 503,
  internal: 500,
  rate_limited: 429,
  unknown_poll: 404,
  poll_closed: 409,
  invalid_option: 400,
  invalid_answer: 400,
  too_many_choices: 400,
  word_too_long: 400,
  text_too_long: 400,
  empty_answer: 400,
  qa_off: 403,
  unknown_question: 404,
  question_too_long: 400,
  empty_question: 400,
};

/** The JSON error body every route answers with. */
export const errorBody = (code: string, message: string) => ({ error: { code, message } });

/** Answers any thrown error as JSON with the right status; unknown errors become a bare 500. */
export function handleError(log: Logger) {
  return (err: Error, c: Context) => {
    if (err instanceof LecternError) return c.json(errorBody(err.code, err.message), statusByCode[err.code]);
    if (err instanceof z.ZodError) return c.json(errorBody(ErrorCode.badRequest, describeZodError(err)), 400);
    if (err instanceof HTTPException) {
      const status = err.status as ContentfulStatusCode;
      const code = status === 413 ? 'too_large' : status < 500 ? ErrorCode.badRequest : ErrorCode.internal;
      return c.json(errorBody(code, err.message || 'Request refused.'), status);
    }
    if (isDatabaseUnavailable(err)) {
      return c.json(errorBody(ErrorCode.unavailable, 'The database is not reachable just now; nothing was saved. Try again in a moment.'), 503);
    }
    log.error({ err, path: c.req.path }, 'request failed');
    return c.json(errorBody(ErrorCode.internal, 'Internal server error.'), 500);
  };
}

/** Reads a JSON body, refusing a missing or malformed one with a 400 that says so. */
export async function jsonBody(c: Context): Promise<unknown> {
  try {
    return await c.req.json();
  } catch {
    throw new LecternError(ErrorCode.badRequest, 'The request body must be JSON, e.g. {"index": 2}.');
  }
}
