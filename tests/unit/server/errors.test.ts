import { HTTPException } from 'hono/http-exception';
import type { Logger } from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { LecternError } from '../../../server/domain/errors.js';
import { toClientError } from '../../../server/errors.js';

function fakeLog() {
  return { warn: vi.fn(), error: vi.fn() } as unknown as Logger & { warn: ReturnType<typeof vi.fn>; error: ReturnType<typeof vi.fn> };
}
const context = { failed: 'request failed', path: '/api/x' };

describe('one error mapping for HTTP and socket', () => {
  it('keeps a refusal’s code and message, with its status', () => {
    const log = fakeLog();
    expect(toClientError(new LecternError('poll_closed', 'The poll is closed.'), log, context)).toEqual({ code: 'poll_closed', message: 'The poll is closed.', status: 409 });
    expect(toClientError(new LecternError('rate_limited', 'Slow down.'), log, context).status).toBe(429);
    expect(log.error).not.toHaveBeenCalled();
  });

  it('names the field of a payload that failed its schema', () => {
    const parsed = z.object({ index: z.number() }).safeParse({ index: 'two' });
    const e = toClientError(parsed.error, fakeLog(), context);
    expect(e).toMatchObject({ code: 'bad_request', status: 400 });
    expect(e.message).toMatch(/^Invalid payload: index: /);
  });

  it('maps an over-long body to too_large', () => {
    expect(toClientError(new HTTPException(413, { message: 'too big' }), fakeLog(), context)).toEqual({ code: 'too_large', message: 'too big', status: 413 });
  });

  it('says the database is unreachable without its internals', () => {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const log = fakeLog();
    const e = toClientError(err, log, context);
    expect(e).toMatchObject({ code: 'unavailable', status: 503 });
    expect(e.message).not.toContain('5432');
  });

  it('logs anything else and tells the client only that it failed', () => {
    const log = fakeLog();
    const e = toClientError(new TypeError('secret internals'), log, context);
    expect(e).toMatchObject({ code: 'internal', status: 500 });
    expect(e.message).not.toContain('secret');
    expect(log.error).toHaveBeenCalledWith(expect.objectContaining({ path: '/api/x' }), 'request failed');
  });
});
