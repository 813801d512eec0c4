/**
 * Brotli or gzip for HTML, JS, CSS, JSON and other text responses. hono's own `compress` speaks
 * gzip and deflate only (CompressionStream has no brotli on Node 20), so this uses node:zlib's
 * asynchronous functions: the work runs on libuv's thread pool, never on the event loop that
 * fans slides out. The built client under /_app (content-hashed, `immutable`) is compressed once
 * at the highest quality and kept, so it is served precompressed from then on. Websocket upgrades
 * never reach Hono, and server-sent events (text/event-stream) are left alone.
 */
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { createMiddleware } from 'hono/factory';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export type Encoding = 'br' | 'gzip';

/** The encoding the client prefers among br and gzip (br on a tie), or undefined. */
export function pickEncoding(header: string | undefined): Encoding | undefined {
  if (!header) return undefined;
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const weight = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    q.set(name.trim(), weight === undefined ? 1 : Number(weight));
  }
  const of = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  const br = of('br');
  const gzipQ = of('gzip');
  if (br > 0 && br >= gzipQ) return 'br';
  if (gzipQ > 0) return 'gzip';
  return undefined;
}

/** `body` compressed for `encoding`; `best` (slow) for what is compressed once and kept. */
export function encode(body: Uint8Array, encoding: Encoding, best: boolean): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(body, {
        params: {
          // 11 is slow (tens of ms for the bundle) but done once per immutable file; 5 is fast and close
          [constants.BROTLI_PARAM_QUALITY]: best ? 11 : 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
        },
      })
    : gz(body, { level: best ? 9 : 6 });
}

/** Options: bodies under `threshold` bytes go as they are; at most `cacheEntries` immutable files are kept compressed. */
export function compression({ threshold = 1024, cacheEntries = 200 }: { threshold?: number; cacheEntries?: number } = {}) {
  const kept = new Map<string, Buffer>();

  return createMiddleware(async function compression(c, next) {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || !res.body || res.status === 204 || res.status === 206 || res.status === 304) return;
    if (res.headers.has('Content-Encoding') || res.headers.has('Transfer-Encoding')) return;
    if (!COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get('Content-Type') ?? '')) return;
    const cacheControl = res.headers.get('Cache-Control') ?? '';
    if (/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(cacheControl)) return;
    const declared = res.headers.get('Content-Length');
    if (declared !== null && Number(declared) < threshold) return;
    const vary = res.headers.get('Vary');
    const varied = vary === '*' || /(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '') ? vary : vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding';
    const encoding = pickEncoding(c.req.header('Accept-Encoding'));
    const body = new Uint8Array(await res.arrayBuffer());
    // c.res = … keeps the earlier response's headers (Hono's setter), so ours are set after it
    if (!encoding || body.byteLength < threshold) {
      c.res = new Response(body, res);
      if (varied) c.res.headers.set('Vary', varied);
      return;
    }
    const immutable = /(?:^|,)\s*immutable\s*(?:,|$)/i.test(cacheControl) && res.status === 200;
    const key = `${encoding} ${c.req.path}`;
    let out = immutable ? kept.get(key) : undefined;
    if (!out) {
      out = await encode(body, encoding, immutable);
      if (immutable) {
        if (kept.size >= cacheEntries) kept.delete(kept.keys().next().value!);
        kept.set(key, out);
      }
    }
    const etag = res.headers.get('ETag');
    c.res = new Response(new Uint8Array(out), res);
    c.res.headers.set('Content-Encoding', encoding);
    c.res.headers.set('Content-Length', String(out.byteLength));
    if (varied) c.res.headers.set('Vary', varied);
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  });
}
