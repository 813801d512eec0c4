import type { Logger } from 'pino';
import type { z } from 'zod';
import type { Ack, ClientToServerEvents } from '../../contract/events.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { isKeyed } from '../domain/roles.js';
import { toClientError } from '../errors.js';
import { retryMessage, type LimitKind } from './rate-limit.js';
import type { LecternSocket } from './types.js';

export { describeZodError } from '../errors.js';

/** Maps anything thrown by a handler to the ack a client may see (server/errors.ts); internals are logged, not sent. */
export function toAckError(err: unknown, log: Logger, event?: string): Extract<Ack<never>, { ok: false }> {
  const { code, message } = toClientError(err, log, { failed: 'command failed', ...(event ? { event } : {}) });
  return { ok: false, error: { code, message } };
}

export interface CommandContext {
  log: Logger;
  /** Told the outcome ("ok" or the error code) and duration of every command. */
  observe?: (event: string, outcome: string, seconds: number) => void;
  /**
   * Whether the socket (its device, its IP) is within its rate limit for this kind of event: true
   * or 0 when it is; false, or the milliseconds until it may try again, when it is not.
   */
  allow?: (kind: LimitKind, socket: LecternSocket) => boolean | number;
  /**
   * The budget of presenter and moderator sockets, asked instead of `allow`: their own, per socket,
   * never shared with keyless sockets behind the same address (a room spamming from the venue's
   * NAT cannot use up the presenter's). Same answers as `allow`.
   */
  allowKeyed?: (socket: LecternSocket) => boolean | number;
}

/** One client command: its payload schema, its rate-limit bucket, and what it does for a socket. */
export interface Command<S extends z.ZodType = z.ZodType, R = unknown> {
  schema: S;
  limit?: LimitKind;
  run: (payload: z.infer<S>, socket: LecternSocket) => Promise<R> | R;
}

export type CommandName = keyof ClientToServerEvents;
export type CommandTable = ReadonlyArray<readonly [CommandName, Command]>;

/** Declares a command; the helper lets TypeScript infer the payload type from the schema. */
export function command<S extends z.ZodType, R>(schema: S, limit: LimitKind | undefined, run: (payload: z.infer<S>, socket: LecternSocket) => Promise<R> | R): Command {
  return { schema, ...(limit ? { limit } : {}), run } as Command;
}

/**
 * Builds, once per server, the one listener every socket gets (`socket.onAny(dispatch)`): look the
 * command up, rate-limit, parse the payload, run, acknowledge `{ ok, data }` or `{ ok, error }`.
 * A listener per command per socket cost every phone some 30 closures (≈ 5 KB of heap each, see
 * docs/BENCHMARKS.md); this one is shared and takes its socket from `this`.
 * Accepts `(payload, ack)`, `(ack)` and missing acks, so no emit can throw; unknown events are ignored.
 */
export function createDispatcher(ctx: CommandContext, table: CommandTable) {
  const commands = new Map<string, Command>(table);
  return async function dispatch(this: LecternSocket, event: string, ...args: unknown[]) {
    const spec = commands.get(event);
    // socket.io drops packets that arrive after a disconnect only in its own dispatch, after onAny.
    if (!spec || !this.connected) return;
    const started = performance.now();
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (res: Ack<unknown>) => void) : undefined;
    // The payload is the first argument unless that is the ack itself (no copy of args: this runs per answer).
    const payload = ack && args.length === 1 ? undefined : args[0];
    let res: Ack<unknown>;
    try {
      const keyed = isKeyed(this.data.role);
      const verdict = !spec.limit ? true : keyed ? (ctx.allowKeyed?.(this) ?? true) : ctx.allow ? ctx.allow(spec.limit, this) : true;
      if (verdict !== true && verdict !== 0) {
        throw new LecternError(ErrorCode.rateLimited, typeof verdict === 'number' ? retryMessage(verdict) : 'Too many requests; wait a moment and try again.');
      }
      res = { ok: true, data: await spec.run(spec.schema.parse(payload), this) };
    } catch (err) {
      res = toAckError(err, ctx.log, event);
    }
    ctx.observe?.(event, res.ok ? 'ok' : res.error.code, (performance.now() - started) / 1000);
    ack?.(res);
  };
}
