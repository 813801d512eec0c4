#!/usr/bin/env node
/**
 * `npm start`'s first step: builds the client (vite) and the server (build-server.mjs) only when
 * their sources are newer than what was built, so a restart in the middle of a talk is a blink.
 * Plain JavaScript: nothing to transpile before it can decide.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time under the given files and folders (0 when none exists). */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') visit(join(path, entry));
    } else latest = Math.max(latest, stat.mtimeMs);
  };
  for (const path of paths) visit(join(root, path));
  return latest;
}

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const shared = ['contract', 'package-lock.json'];
if (newest(['client', 'vite.config.ts', ...shared]) > newest(['dist/client/index.html'])) {
  run(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn']);
}
if (newest(['server', 'db', 'scripts/build-server.mjs', ...shared]) > newest(['dist/server.js'])) {
  run(process.execPath, [join(root, 'scripts/build-server.mjs')]);
}
