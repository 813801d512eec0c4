/**
 * What each connected socket costs, by kind of object: diffs two heap snapshots taken at 0 and at
 * N sockets (BENCH_HEAP_SNAPSHOT=dir npm run bench -- --only=fanout …) and prints bytes per socket
 * by constructor name.
 *
 *   npx tsx bench/tools/heap-diff.ts before.heapsnapshot after.heapsnapshot N [rows]
 */
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

function bySize(file: string): Map<string, { size: number; count: number }> {
  const s = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const fields = s.snapshot.meta.node_fields;
  const types = s.snapshot.meta.node_types[0];
  const [iType, iName, iSize] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [number, number, number];
  const out = new Map<string, { size: number; count: number }>();
  for (let i = 0; i < s.nodes.length; i += fields.length) {
    const type = types[s.nodes[i + iType]!]!;
    const name = type === 'object' || type === 'closure' ? s.strings[s.nodes[i + iName]!]! : `(${type})`;
    const key = type === 'closure' ? `closure ${name}` : name;
    const e = out.get(key) ?? { size: 0, count: 0 };
    e.size += s.nodes[i + iSize]!;
    e.count++;
    out.set(key, e);
  }
  return out;
}

const [a, b, nArg, rowsArg] = process.argv.slice(2);
if (!a || !b || !nArg) throw new Error('usage: heap-diff.ts before after N [rows]');
const n = Number(nArg);
const before = bySize(a);
const after = bySize(b);
const rows = [...after.entries()]
  .map(([k, v]) => ({ k, size: (v.size - (before.get(k)?.size ?? 0)) / n, count: (v.count - (before.get(k)?.count ?? 0)) / n }))
  .sort((x, y) => y.size - x.size);
const total = rows.reduce((s, r) => s + r.size, 0);
console.log(`total ${total.toFixed(0)} B per socket (self sizes)`);
for (const r of rows.slice(0, Number(rowsArg ?? 30))) console.log(`${r.size.toFixed(0).padStart(7)} B  ${r.count.toFixed(2).padStart(6)} ×  ${r.k}`);
