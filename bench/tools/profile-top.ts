/**
 * Summarizes a V8 .cpuprofile (from BENCH_CPU_PROF=dir): self time by function and by package,
 * to find what a server spends its core on under benchmark load.
 *
 *   npx tsx bench/tools/profile-top.ts file.cpuprofile [rows]
 */
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
const [file, rowsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-top.ts file.cpuprofile [rows]');
const prof = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[] };
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
prof.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const pkg = (url: string) => {
  const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/g);
  if (m) return m[m.length - 1]!.replace('node_modules/', '');
  if (url.includes('/server/') || url.includes('/db/')) return url.replace(/^.*\/(server|db)\//, '$1/');
  return url ? url.replace(/^.*\//, '') : '(native/vm)';
};
const fnAgg = new Map<string, number>();
const pkgAgg = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id)!;
  const f = `${n.callFrame.functionName || '(anon)'} ${pkg(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
  fnAgg.set(f, (fnAgg.get(f) ?? 0) + t);
  const p = pkg(n.callFrame.url);
  pkgAgg.set(p, (pkgAgg.get(p) ?? 0) + t);
}
const rows = Number(rowsArg ?? 30);
const show = (m: Map<string, number>) =>
  [...m.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, rows)
    .forEach(([k, t]) => console.log(`${((100 * t) / total).toFixed(1).padStart(5)} %  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k}`));
console.log(`total ${(total / 1000).toFixed(0)} ms\n-- by package/file`);
show(pkgAgg);
console.log('-- by function');
show(fnAgg);
