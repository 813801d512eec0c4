/**
 * Summarizes a sampling heap profile (from BENCH_HEAP_PROF=dir): bytes allocated over the measured
 * window by function (self) and by package, collected or not, i.e. what feeds the garbage collector.
 *
 *   npx tsx bench/tools/heap-top.ts file.heapprofile [rows]
 */
import { readFileSync } from 'node:fs';

interface Node {
  callFrame: { functionName: string; url: string; lineNumber: number };
  selfSize: number;
  children: Node[];
}
const [file, rowsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: heap-top.ts file.heapprofile [rows]');
const { head } = JSON.parse(readFileSync(file, 'utf8')) as { head: Node };
const rows = Number(rowsArg ?? 40);
const where = (url: string) => {
  if (!url) return '(native/vm)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1]!;
  if (url.startsWith('node:')) return url;
  const local = /\/((?:server|db|contract|bench)\/.*)$/.exec(url);
  return local ? local[1]! : url;
};
const byFn = new Map<string, number>();
const byPkg = new Map<string, number>();
// A function's own allocations plus its caller: `fn pkg:line < caller`, so generic helpers are placed.
const walk = (n: Node, parent?: Node) => {
  const pkg = where(n.callFrame.url);
  const caller = parent ? ` < ${parent.callFrame.functionName || '(anon)'}` : '';
  const key = `${n.callFrame.functionName || '(anon)'} ${pkg}:${n.callFrame.lineNumber + 1}${caller}`;
  byFn.set(key, (byFn.get(key) ?? 0) + n.selfSize);
  byPkg.set(pkg, (byPkg.get(pkg) ?? 0) + n.selfSize);
  n.children.forEach((c) => walk(c, n));
};
walk(head);
const total = [...byPkg.values()].reduce((a, b) => a + b, 0);
const line = ([k, v]: [string, number]) => `${((100 * v) / total).toFixed(1).padStart(5)} %  ${(v / 2 ** 20).toFixed(1).padStart(8)} MB  ${k}`;
console.log(`total sampled ${(total / 2 ** 20).toFixed(1)} MB`);
console.log('-- by package/file');
[...byPkg].sort((a, b) => b[1] - a[1]).slice(0, rows).forEach((e) => console.log(line(e)));
console.log('-- by function (self) < caller');
[...byFn].sort((a, b) => b[1] - a[1]).slice(0, rows).forEach((e) => console.log(line(e)));
