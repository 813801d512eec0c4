#!/usr/bin/env node
// The `lectern` command (package.json "bin"; what `nix run` and the image start): the compiled
// server (dist/server.js, built by `npm run build`), plain JavaScript on plain node: no loader, no
// transpiling at start. Node 20.19+ and 22. Usage: lectern [deck.md …]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const server = fileURLToPath(new URL('../dist/server.js', import.meta.url));
if (!existsSync(server)) {
  console.error(`lectern: ${server} is missing; build it first with \`npm run build\``);
  process.exit(1);
}
await import(server);
