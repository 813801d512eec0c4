/**
 * Page weight: gzip bytes of what a phone downloads to open the audience page from the production
 * build: the HTML, every script and stylesheet it references, and every module those import
 * statically (what the page needs before it can show a slide). Lazily imported chunks are listed
 * apart. gzip at zlib's default level, as a reverse proxy or CDN would typically serve it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  page: string;
  files: { file: string; raw: number; gzip: number; lazy: boolean }[];
  html: number;
  js: number;
  css: number;
  /** HTML + JS + CSS loaded up front, gzip bytes. */
  total: number;
  lazy: number;
}

const gz = (buf: Buffer) => gzipSync(buf).length;

/** Weighs `dist/client/<page>.html` and its static module graph. */
export function pageWeight(distDir: string, page = 'audience'): PageWeight {
  const htmlFile = join(distDir, `${page}.html`);
  if (!existsSync(htmlFile)) throw new Error(`${htmlFile} is missing: run \`npm run build\` first`);
  const html = readFileSync(htmlFile);
  const files: PageWeight['files'] = [{ file: `${page}.html`, raw: html.length, gzip: gz(html), lazy: false }];
  const seen = new Set<string>();
  const queue: { path: string; lazy: boolean }[] = [];
  const local = (ref: string, from: string) => (ref.startsWith('/') ? join(distDir, ref) : normalize(join(dirname(from), ref)));

  for (const m of html.toString().matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="([^"]+)"[^>]*>/g)) {
    const ref = m[1]!;
    if (/^[a-z]+:/i.test(ref) || ref.startsWith('//')) continue;
    queue.push({ path: local(ref, htmlFile), lazy: false });
  }
  while (queue.length) {
    const { path, lazy } = queue.shift()!;
    if (seen.has(path) || !existsSync(path)) continue;
    seen.add(path);
    const body = readFileSync(path);
    files.push({ file: relative(distDir, path), raw: body.length, gzip: gz(body), lazy });
    const text = body.toString();
    if (path.endsWith('.js')) {
      for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*)["'](\.{1,2}\/[^"']+)["']/g)) queue.push({ path: local(m[1]!, path), lazy });
      for (const m of text.matchAll(/\bimport\(\s*["'](\.{1,2}\/[^"']+)["']\s*\)/g)) queue.push({ path: local(m[1]!, path), lazy: true });
    } else if (path.endsWith('.css')) {
      for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) if (!m[1]!.startsWith('data:')) queue.push({ path: local(m[1]!, path), lazy });
    }
  }
  // A module reached both ways counts as up front.
  const eager = files.filter((f) => !f.lazy);
  const sum = (pred: (f: PageWeight['files'][number]) => boolean) => eager.filter(pred).reduce((a, f) => a + f.gzip, 0);
  return {
    page,
    files,
    html: sum((f) => f.file.endsWith('.html')),
    js: sum((f) => f.file.endsWith('.js')),
    css: sum((f) => f.file.endsWith('.css')),
    total: eager.reduce((a, f) => a + f.gzip, 0),
    lazy: files.filter((f) => f.lazy).reduce((a, f) => a + f.gzip, 0),
  };
}
