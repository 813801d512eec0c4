/**
 * The integrity-as-outputHash idea on a real tarball: nix-bin builds the fixed-output derivation
 * nix/npm-pack.nix makes for one entry of our lock (`npm pack`, with this machine's npm, against
 * npm's default registry), Nix accepts it only if it hashes to the entry's integrity, and the
 * file's sha512 is checked here again. A wrong integrity must make the build fail.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { nixEvalJson, nixOptions, nixString, repoRoot, requireNix, run } from './nix.js';

interface Selected {
  path: string;
  name: string;
  version: string;
  integrity: string;
  fileName: string;
}

/** A small package from our lock with no dependencies of its own; `ms` while it is there. */
function pickEntry(): Selected {
  const lock = JSON.parse(readFileSync(`${repoRoot}/package-lock.json`, 'utf8')) as {
    packages: Record<string, { dependencies?: object; os?: unknown; cpu?: unknown }>;
  };
  const selected = nixEvalJson<Selected[]>(
    'import ./nix/npm-lock.nix { lock = builtins.fromJSON (builtins.readFile ./package-lock.json); system = builtins.currentSystem; }',
  );
  const plain = selected.filter((e) => !lock.packages[e.path]!.dependencies && !lock.packages[e.path]!.os && !lock.packages[e.path]!.cpu);
  const choice = plain.find((e) => e.path === 'node_modules/ms') ?? plain[0];
  if (!choice) throw new Error('package-lock.json has no entry without dependencies to fetch');
  return choice;
}

/** PATH for the builder: this machine's npm and node, and coreutils. */
function hostPath(): string {
  const npm = run('sh', ['-c', 'command -v npm']).stdout.trim();
  return [dirname(npm), dirname(process.execPath), '/usr/bin', '/bin'].join(':');
}

function expression(entry: Selected): string {
  return `
    import ./nix/npm-pack.nix {
      system = builtins.currentSystem;
      shell = "/bin/sh";
      path = ${nixString(hostPath())};
    } (builtins.fromJSON ${nixString(JSON.stringify(entry))})`;
}

/**
 * Builds the entry under a name of its own: its store path then differs from the one the build
 * simulation uses for the same tarball, so deleting it below never pulls a file from under a
 * replay running beside this test.
 */
function build(selected: Selected, check: boolean) {
  const entry = { ...selected, fileName: `fetch-test-${selected.fileName}` };
  const args = [...nixOptions(), '--no-out-link', '-E', expression(entry)];
  // the output may be in the store from an earlier run: remove it, so this run builds it
  const instantiated = run('nix-instantiate', [...nixOptions(), '-E', expression(entry)]);
  const drv = instantiated.stdout.trim();
  const out = run('nix-store', [...nixOptions(), '--query', '--outputs', drv]).stdout.trim();
  run('nix-store', [...nixOptions(), '--delete', out], { check: false });
  return run('nix-build', args, { check, timeoutMs: 180_000 });
}

// each test fails, saying how to install it, when nix-bin is missing
beforeEach(() => requireNix());

describe('nix/npm-pack.nix with nix-bin', () => {
  test(
    'builds one lock entry, and the file hashes to its integrity',
    () => {
      const entry = pickEntry();
      const { stdout } = build(entry, true);
      const out = stdout.trim().split('\n').pop()!;
      expect(out).toMatch(new RegExp(`^/nix/store/[a-z0-9]{32}-fetch-test-${entry.fileName.replace(/\./g, '\\.')}$`));
      const file = readFileSync(out);
      expect(`sha512-${createHash('sha512').update(file).digest('base64')}`).toBe(entry.integrity);
      // and it is the package: its package.json names it
      const manifest = JSON.parse(run('tar', ['-xzOf', out, 'package/package.json']).stdout) as { name: string; version: string };
      expect([manifest.name, manifest.version]).toEqual([entry.name, entry.version]);
    },
    240_000,
  );

  test(
    'refuses a tarball that does not match the integrity',
    () => {
      const entry = pickEntry();
      // a well-formed sha512 that is not this tarball's
      const wrong = `sha512-${createHash('sha512').update(`not ${entry.name}`).digest('base64')}`;
      const result = build({ ...entry, integrity: wrong }, false);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/hash mismatch/);
    },
    240_000,
  );
});
