/**
 * HTML, JS, CSS and JSON go out as brotli or gzip, as the client asks; small bodies, images and
 * clients that ask for nothing go as they are. The built client (immutable) is compressed once.
 */
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG, tempDeck, tempDir } from '../helpers/decks.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const SCRIPT = `console.log(${JSON.stringify('lectern '.repeat(2_000))});\n`;
const PAGE = `<!doctype html><title>Audience</title>${'<p>phones</p>'.repeat(300)}`;

/** A raw GET (fetch would decode the body and hide what came over the wire). */
function get(url: string, acceptEncoding?: string): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: acceptEncoding ? { 'accept-encoding': acceptEncoding } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

const decode = (r: { headers: Record<string, unknown>; body: Buffer }) =>
  (r.headers['content-encoding'] === 'br' ? brotliDecompressSync(r.body) : r.headers['content-encoding'] === 'gzip' ? gunzipSync(r.body) : r.body).toString('utf8');

describe('compression', () => {
  let server: TestServer;
  let slug: string;
  beforeAll(async () => {
    const clientDir = await tempDir({ 'audience.html': PAGE, 'index.html': PAGE, '_app/audience-abc123.js': SCRIPT, '_app/tiny.js': 'x()' });
    const deck = await tempDeck(`---\ntitle: Squeezed\n---\n\n# One\n\n${'A sentence for the slide. '.repeat(120)}\n\n![](pic.png)\n`, { 'pic.png': PNG }, 'squeezed.md');
    server = await startTestServer({ decks: [deck], clientDir });
    slug = server.slugs[0]!;
  });
  afterAll(() => server?.close());

  it('sends brotli when the client accepts it, gzip when only that, and the same bytes decoded', async () => {
    for (const path of [`/${slug}`, '/_app/audience-abc123.js', `/api/talks/${slug}`]) {
      const plain = await get(`${server.url}${path}`);
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      const br = await get(`${server.url}${path}`, 'gzip, deflate, br');
      expect(br.headers['content-encoding'], path).toBe('br');
      expect(br.headers['vary'], path).toMatch(/accept-encoding/i);
      expect(Number(br.headers['content-length']), path).toBe(br.body.length);
      const gz = await get(`${server.url}${path}`, 'gzip');
      expect(gz.headers['content-encoding'], path).toBe('gzip');
      // /api/talks/:slug carries the time; compare the pages and the script byte for byte
      if (!path.startsWith('/api')) {
        expect(decode(br)).toBe(plain.body.toString('utf8'));
        expect(decode(gz)).toBe(plain.body.toString('utf8'));
      } else expect(JSON.parse(decode(br)).title).toBe('Squeezed');
      console.log(`${path}: ${plain.body.length} B plain, ${gz.body.length} B gzip, ${br.body.length} B brotli`);
      expect(br.body.length).toBeLessThan(plain.body.length / 2);
    }
  });

  it('leaves images, small bodies and refusals of every encoding alone', async () => {
    const png = await get(`${server.url}/${slug}/assets/pic.png`, 'br, gzip');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect(png.headers['content-type']).toBe('image/png');
    const tiny = await get(`${server.url}/_app/tiny.js`, 'br, gzip');
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body.toString()).toBe('x()');
    const none = await get(`${server.url}/_app/audience-abc123.js`, 'br;q=0, gzip;q=0, identity');
    expect(none.headers['content-encoding']).toBeUndefined();
    expect(none.body.toString()).toBe(SCRIPT);
  });

  it('keeps the built client compressed: the second request gets the same bytes', async () => {
    const first = await get(`${server.url}/_app/audience-abc123.js`, 'br');
    const second = await get(`${server.url}/_app/audience-abc123.js`, 'br');
    expect(second.body.equals(first.body)).toBe(true);
    expect(second.headers['cache-control']).toContain('immutable');
  });

  it('does not touch the socket.io websocket', async () => {
    const { connect } = await import('../helpers/sockets.js');
    const { socket, state } = await connect(server.url, { talk: slug });
    expect(state.talk.title).toBe('Squeezed');
    socket.close();
  });
});
