#!/usr/bin/env node
/**
 * Compiles the server to one plain JavaScript file, dist/server.js, that `node` runs without tsx
 * or esbuild at run time (npm start, bin/lectern.js, the Nix package and the image). npm
 * packages stay imports (node_modules resolves them); our own modules are bundled, so a start
 * reads one file instead of resolving and transpiling a hundred. It sits one folder below the
 * package root, like every module that finds files from import.meta.url (config.ts: ../decks,
 * compose.ts: ../dist/client, db/migrate.ts: ../db/migrations), so those paths hold in both.
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['server/main.ts'],
  outfile: 'dist/server.js',
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // readable stack traces without a source map: names and layout kept
  minify: false,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
  banner: { js: '// Built by scripts/build-server.mjs from server/main.ts: edit the TypeScript, not this file.' },
});
