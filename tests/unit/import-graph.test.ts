/**
 * Dependencies point one way (docs/ARCHITECTURE.md): contract/ imports nothing of ours, db/ only
 * contract/, server/ never client/, client/ only client/ and contract/; inside server/, HTTP and
 * realtime meet only in shared modules (auth/, errors.ts). Reads the sources and
 * parses them with the TypeScript parser, so every form of import counts: `import`, `import type`,
 * `export … from`, side-effect imports, dynamic `import()` and `import('…').Type`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Every module specifier a source file names. */
function importsOf(source: string, fileName = 'file.ts'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteralLike(node.moduleSpecifier)) {
      found.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteralLike(node.moduleReference.expression)) {
      found.push(node.moduleReference.expression.text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [arg] = node.arguments;
      // a computed specifier cannot be checked; name it so the rules below refuse it
      found.push(arg && ts.isStringLiteralLike(arg) ? arg.text : '<computed import()>');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteralLike(node.argument.literal)) {
      found.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && /\.(ts|mts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    }
  }
  return out.sort();
}

interface Edge {
  from: string;
  /** The specifier as written. */
  spec: string;
  /** For a relative specifier, the repository path it points at; otherwise null (a package). */
  to: string | null;
}

function edgesUnder(dir: string): Edge[] {
  return sourcesUnder(dir).flatMap((from) =>
    importsOf(readFileSync(path.join(ROOT, from), 'utf8'), from).map((spec) => ({
      from,
      spec,
      to: spec.startsWith('.') ? path.posix.normalize(path.posix.join(path.posix.dirname(from), spec)) : null,
    })),
  );
}

const within = (to: string, ...dirs: string[]) => dirs.some((d) => to.startsWith(`${d}/`));
const describeEdge = (e: Edge) => `${e.from} imports '${e.spec}'`;

describe('the import graph', () => {
  it('parses every form of import, so a violation cannot hide', () => {
    const source = `
      import a from '../server/a.js';
      import type { B } from "../server/b.js";
      import { type C, d } from '../server/cd.js';
      import '../server/side-effect.js';
      export * from '../server/star.js';
      export type { E } from '../server/e.js';
      export { f } from '../server/f.js';
      import g = require('../server/g.js');
      const h = await import('../server/h.js');
      type I = import('../server/i.js').I;
      const lazy = () => import(name);
      // import x from '../server/in-a-comment.js';
      const text = "import y from '../server/in-a-string.js'";
    `;
    expect(importsOf(source)).toEqual([
      '../server/a.js',
      '../server/b.js',
      '../server/cd.js',
      '../server/side-effect.js',
      '../server/star.js',
      '../server/e.js',
      '../server/f.js',
      '../server/g.js',
      '../server/h.js',
      '../server/i.js',
      '<computed import()>',
    ]);
  });

  it('sees the edges that are there (contract/ imported by server/, db/ and client/)', () => {
    const targets = (dir: string) => new Set(edgesUnder(dir).map((e) => e.to?.split('/')[0]));
    for (const dir of ['server', 'db', 'client']) expect(targets(dir)).toContain('contract');
  });

  it('contract/ imports nothing of ours, and no Node module (the browser bundles it)', () => {
    const bad = edgesUnder('contract').filter((e) => (e.to ? !within(e.to, 'contract') : e.spec.startsWith('node:') || e.spec.startsWith('<')));
    expect(bad.map(describeEdge)).toEqual([]);
  });

  it('db/ imports only db/ and contract/', () => {
    const bad = edgesUnder('db').filter((e) => (e.to ? !within(e.to, 'db', 'contract') : e.spec.startsWith('<')));
    expect(bad.map(describeEdge)).toEqual([]);
  });

  it('server/ never imports client/', () => {
    const bad = edgesUnder('server').filter((e) => (e.to ? within(e.to, 'client') : e.spec.startsWith('<')));
    expect(bad.map(describeEdge)).toEqual([]);
  });

  it('HTTP (server/middleware, server/routes) and sockets (server/realtime) share server/auth and server/errors, never each other', () => {
    const http = ['server/middleware', 'server/routes'];
    const bad = [
      ...http.flatMap(edgesUnder).filter((e) => e.to && within(e.to, 'server/realtime')),
      ...edgesUnder('server/realtime').filter((e) => e.to && within(e.to, ...http)),
    ];
    expect(bad.map(describeEdge)).toEqual([]);
  });

  it('client/ imports only client/ and contract/', () => {
    const bad = edgesUnder('client').filter((e) => (e.to ? !within(e.to, 'client', 'contract') : e.spec.startsWith('node:') || e.spec.startsWith('<')));
    expect(bad.map(describeEdge)).toEqual([]);
  });
});
