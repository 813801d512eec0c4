/**
 * One mapping from anything thrown to what a client may see, the same for HTTP responses and socket
 * acks: a LecternError keeps its code and message, a zod failure names the field, an unreachable
 * database says so; anything else is logged here and reaches the client only as `internal`.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import { z } from 'zod';
import { isDatabaseUnavailable } from '../db/errors.js';
import { ErrorCode, LecternError } from './domain/errors.js';

/** What a client is told about a failure. */
export interface ClientError {
  code: ErrorCode;
  message: string;
  /** The HTTP status; socket acks carry only code and message. */
  status: ContentfulStatusCode;
}

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  out_of_range: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  unavailable: 503,
  internal: 500,
  rate_limited: 429,
  unknown_answer: 404,
  too_large: 413,
  run_ended: 409,
  unknown_poll: 404,
  poll_closed: 409,
  time_up: 409,
  not_quiz: 400,
  nickname_taken: 409,
  nickname_refused: 400,
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

/** Turns a zod failure into one sentence naming the field and the problem. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid payload.';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `Invalid payload: ${where}${issue.message}`;
}

/** Where a failure happened, for the log line of an unexpected one ("command failed" with its event, "request failed" with its path). */
export interface FailureContext {
  failed: string;
  [key: string]: unknown;
}

/** Maps anything thrown by a handler to the error a client may see; internals are logged, never sent. */
export function toClientError(err: unknown, log: Logger, context: FailureContext): ClientError {
  if (err instanceof LecternError) return { code: err.code, message: err.message, status: STATUS[err.code] };
  if (err instanceof z.ZodError) return { code: ErrorCode.badRequest, message: describeZodError(err), status: 400 };
  if (err instanceof HTTPException) {
    const status = err.status as ContentfulStatusCode;
    const code = status === 413 ? ErrorCode.tooLarge : status < 500 ? ErrorCode.badRequest : ErrorCode.internal;
    return { code, message: err.message || 'Request refused.', status };
  }
  const { failed, ...where } = context;
  if (isDatabaseUnavailable(err)) {
    log.warn({ ...where, err: (err as Error).message }, 'database unavailable');
    return { code: ErrorCode.unavailable, message: 'The database is not reachable just now; nothing was saved. Try again in a moment.', status: 503 };
  }
  log.error({ ...where, err }, failed);
  return { code: ErrorCode.internal, message: 'The server could not do that; try again.', status: 500 };
}
