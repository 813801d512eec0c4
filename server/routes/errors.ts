import type { Context } from 'hono';
import type { Logger } from 'pino';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { toClientError } from '../errors.js';

/** The JSON error body every route answers with. */
export const errorBody = (code: string, message: string) => ({ error: { code, message } });

/** Answers any thrown error as JSON with the status server/errors.ts maps it to; unknown errors become a bare 500. */
export function handleError(log: Logger) {
  return (err: Error, c: Context) => {
    const { code, message, status } = toClientError(err, log, { failed: 'request failed', path: c.req.path });
    return c.json(errorBody(code, message), status);
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
