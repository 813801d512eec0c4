#!/usr/bin/env node
// The `lectern` command (package.json "bin"; what `nix run` and the image start): runs the same
// TypeScript server as `npm start`, through tsx's loader registered in this process, so signals
// reach the server directly. Node 20.19+ and 22. Usage: lectern [deck.md …]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// The package's own tsconfig, whatever the working directory (systemd and the image run elsewhere).
const tsconfig = fileURLToPath(new URL('../tsconfig.json', import.meta.url));
register(existsSync(tsconfig) ? { tsconfig } : {});

await import('../server/main.ts');
