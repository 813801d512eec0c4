import type { Logger } from 'pino';
import { z } from 'zod';
import type { Ack } from '../contract/events.js';
import { ErrorCode, LecternError } from '../domain/errors.js';

/** Turns a zod failure into one sentence naming the field and the problem. */
export function describeZodError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid payload.';
  const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
  return `Invalid payload: ${where}${issue.message}`;
}

/** Maps anything thrown by a handler to the error a client may see; internals are logged, not sent. */
export function toAckError(err: unknown, log: Logger): Extract<Ack<never>, { ok: false }> {
  if (err instanceof LecternError) return { ok: false, error: { code: err.code, message: err.message } };
  if (err instanceof z.ZodError) return { ok: false, error: { code: ErrorCode.badRequest, message: describeZodError(err) } };
  log.error({ err }, 'command failed');
  return { ok: false, error: { code: ErrorCode.internal, message: 'The server could not do that; try again.' } };
}

/**
 * Wraps a command handler: parse the payload, run, acknowledge `{ ok, data }` or `{ ok, error }`.
 * Accepts `(payload, ack)`, `(ack)` and missing acks, so a malformed emit can never throw.
 */
export function command<S extends z.ZodType, R>(
  schema: S,
  run: (payload: z.infer<S>) => Promise<R> | R,
  log: Logger,
) {
  return async (...args: unknown[]): Promise<void> => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (res: Ack<R>) => void) : undefined;
    const payload = ack ? args.slice(0, -1)[0] : args[0];
    let res: Ack<R>;
    try {
      res = { ok: true, data: await run(schema.parse(payload)) };
    } catch (err) {
      res = toAckError(err, log);
    }
    ack?.(res);
  };
}
