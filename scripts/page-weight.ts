/**
 * Prints how much JavaScript each built page loads, gzipped: the entry script plus every chunk
 * Vite preloads for it. Fails (exit 1) when a page is over its budget — the audience page must
 * stay light for phones on conference Wi-Fi. Run after `vite build`: `tsx scripts/page-weight.ts`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** Gzipped JS budgets in bytes (1 kB = 1000 bytes, as Vite reports sizes). */
export const BUDGETS: Record<string, number> = { audience: 35_000 };

/** One page's JavaScript. */
export interface PageWeight {
  page: string;
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
  budget?: number;
}

/** Reads the built pages in `dir` (dist/client) and weighs the scripts each one loads. */
export async function pageWeights(dir: string): Promise<PageWeight[]> {
  const pages = (await readdir(dir)).filter((f) => f.endsWith('.html')).sort();
  return Promise.all(
    pages.map(async (html) => {
      const source = await readFile(join(dir, html), 'utf8');
      // the module entry and the chunks it imports, which Vite lists as modulepreload links
      const refs = [...source.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="([^"]+\.js)"/g)].map((m) => m[1]!);
      const files = await Promise.all(
        [...new Set(refs)].map(async (ref) => {
          const body = await readFile(join(dir, ref.replace(/^\//, '')));
          return { file: ref, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
        }),
      );
      const page = html.replace(/\.html$/, '');
      const sum = (k: 'bytes' | 'gzip') => files.reduce((n, f) => n + f[k], 0);
      return { page, files, bytes: sum('bytes'), gzip: sum('gzip'), budget: BUDGETS[page] };
    }),
  );
}

const kb = (n: number) => `${(n / 1000).toFixed(1)} kB`;

async function main() {
  const dir = fileURLToPath(new URL('../dist/client/', import.meta.url));
  const weights = await pageWeights(dir).catch(() => {
    console.error('No build found in dist/client: run `npm run build` first.');
    process.exit(1);
  });
  let over = false;
  for (const w of weights) {
    const limit = w.budget ? ` (budget ${kb(w.budget)})` : '';
    const fail = w.budget !== undefined && w.gzip > w.budget;
    over ||= fail;
    console.log(`${w.page.padEnd(10)} ${kb(w.gzip).padStart(9)} gzip  ${kb(w.bytes).padStart(9)} raw  ${w.files.length} files${limit}${fail ? '  OVER BUDGET' : ''}`);
  }
  if (over) process.exit(1);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
