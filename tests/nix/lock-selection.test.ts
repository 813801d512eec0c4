/**
 * nix/npm-lock.nix, evaluated by plain Nix against the real package-lock.json, picks exactly the
 * entries npm installs on each platform, compared with npm's own resolver (@npmcli/arborist, told
 * the platform), with the lock's name, version and integrity for each.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { nixEvalJson, npmArborist, repoRoot, requireNix } from './nix.js';

interface Selected {
  path: string;
  name: string;
  version: string;
  integrity: string;
  fileName: string;
  dev: boolean;
}

interface LockEntry {
  name?: string;
  version?: string;
  integrity?: string;
  resolved?: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
}

const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockEntry>;
};

const platforms = [
  { system: 'x86_64-linux', os: 'linux', cpu: 'x64', libc: 'glibc' },
  { system: 'aarch64-linux', os: 'linux', cpu: 'arm64', libc: 'glibc' },
  { system: 'x86_64-darwin', os: 'darwin', cpu: 'x64', libc: undefined },
  { system: 'aarch64-darwin', os: 'darwin', cpu: 'arm64', libc: undefined },
] as const;

function select(system: string, dev: boolean): Selected[] {
  return nixEvalJson<Selected[]>(
    `import ./nix/npm-lock.nix { lock = builtins.fromJSON (builtins.readFile ./package-lock.json); system = "${system}"; dev = ${dev}; }`,
  );
}

/** What npm installs there: its ideal tree from the lock, less what fails the platform. */
async function npmInstalls(platform: (typeof platforms)[number], dev: boolean): Promise<string[]> {
  const Arborist = npmArborist();
  const arborist = new Arborist({ path: repoRoot, offline: true, os: platform.os, cpu: platform.cpu, libc: platform.libc });
  const tree = await arborist.buildIdealTree();
  return [...tree.inventory.values()]
    .filter((node) => !node.isRoot && !node.inert && (dev || !node.dev))
    .map((node) => node.location)
    .sort();
}

const packageName = (path: string) => /.*node_modules\/((?:@[^/]+\/)?[^/]+)$/.exec(path)![1]!;

// each test fails, saying how to install it, when nix-bin is missing
beforeEach(() => requireNix());

describe('nix/npm-lock.nix against package-lock.json', () => {
  for (const platform of platforms) {
    for (const dev of [true, false]) {
      test(`${platform.system}${dev ? '' : ', production only'}: one entry per package npm installs`, async () => {
        const selected = select(platform.system, dev);
        const paths = selected.map((e) => e.path).sort();
        expect(new Set(paths).size, 'each install location once').toBe(paths.length);
        expect(paths).toEqual(await npmInstalls(platform, dev));

        for (const entry of selected) {
          const locked = lock.packages[entry.path]!;
          expect(entry.name).toBe(locked.name ?? packageName(entry.path));
          expect(entry.version).toBe(locked.version);
          expect(entry.integrity).toBe(locked.integrity);
          expect(entry.integrity).toMatch(/^sha512-[A-Za-z0-9+/]+=*$/);
          expect(entry.fileName).toBe(`${entry.name.replace(/^@/, '').replace('/', '-')}-${entry.version}.tgz`);
        }
      });
    }
  }

  test('x86_64-linux gets the linux-x64 binaries and none built for other platforms', () => {
    const selected = select('x86_64-linux', true);
    const paths = new Set(selected.map((e) => e.path));
    const platformSpecific = Object.entries(lock.packages).filter(([path, e]) => path && (e.os || e.cpu || e.libc));
    expect(platformSpecific.length).toBeGreaterThan(0);
    for (const [path, entry] of platformSpecific) {
      const fits =
        (!entry.os || entry.os.includes('linux')) &&
        (!entry.cpu || entry.cpu.includes('x64')) &&
        (!entry.libc || entry.libc.includes('glibc'));
      if (!fits) expect(paths.has(path), `${path} is for ${entry.os ?? '*'}/${entry.cpu ?? '*'}/${entry.libc ?? '*'}`).toBe(false);
    }
    if (lock.packages['node_modules/@esbuild/linux-x64']) expect(paths.has('node_modules/@esbuild/linux-x64')).toBe(true);
    // only the WASM fallback needs these; npm leaves them out with it
    for (const path of ['node_modules/@rolldown/binding-wasm32-wasi', 'node_modules/@emnapi/core', 'node_modules/fsevents']) {
      if (lock.packages[path]) expect(paths.has(path), path).toBe(false);
    }
  });

  test('on this machine, the selection is what `npm ci` installed (node_modules/.package-lock.json)', () => {
    if (process.platform !== 'linux' || process.arch !== 'x64') return;
    const hidden = JSON.parse(readFileSync(join(repoRoot, 'node_modules/.package-lock.json'), 'utf8')) as {
      packages: Record<string, unknown>;
    };
    const installed = Object.keys(hidden.packages).sort();
    const selected = select('x86_64-linux', true).map((e) => e.path).sort();
    expect(selected, 'node_modules is out of date with package-lock.json? run npm ci').toEqual(installed);
  });
});

describe('nix/npm-lock.nix on a made-up lock', () => {
  // root -> a (optional) -> b (required, win32 only): npm drops b, and a with it, and c, which
  // only a needs; d's @s/f resolves to its own nested copy, so the root's copy, needed by
  // nobody, is not installed; an alias keeps its real name; an absent optional peer is no error.
  const made = {
    name: 'made-up',
    version: '1.0.0',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': {
        name: 'made-up',
        version: '1.0.0',
        dependencies: { d: '^1.0.0', 'old-e': 'npm:e@^1.0.0' },
        optionalDependencies: { a: '^1.0.0' },
      },
      'node_modules/a': { version: '1.0.0', integrity: 'sha512-AAAA', optional: true, dependencies: { b: '^1.0.0', c: '^1.0.0' } },
      'node_modules/b': { version: '1.0.0', integrity: 'sha512-BBBB', optional: true, os: ['win32'] },
      'node_modules/c': { version: '1.0.0', integrity: 'sha512-CCCC', optional: true },
      'node_modules/d': {
        version: '1.0.0',
        integrity: 'sha512-DDDD',
        dependencies: { '@s/f': '^2.0.0' },
        peerDependencies: { g: '*' },
        peerDependenciesMeta: { g: { optional: true } },
      },
      'node_modules/d/node_modules/@s/f': { version: '2.0.0', integrity: 'sha512-FFF2' },
      'node_modules/@s/f': { version: '1.0.0', integrity: 'sha512-FFF1' },
      'node_modules/old-e': { name: 'e', version: '1.2.3', integrity: 'sha512-EEEE' },
    },
  };

  test('matches npm for linux-x64 and win32-x64', async () => {
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(join(tmpdir(), 'lectern-lock-'));
    try {
      writeFileSync(join(dir, 'package.json'), JSON.stringify(made.packages['']));
      writeFileSync(join(dir, 'package-lock.json'), JSON.stringify(made));
      const Arborist = npmArborist();
      for (const [system, os] of [['x86_64-linux', 'linux'], ['x86_64-windows', 'win32']] as const) {
        const platform = `{ os = "${os}"; cpu = "x64"; libc = ${os === 'linux' ? '"glibc"' : 'null'}; }`;
        const selected = nixEvalJson<Selected[]>(
          `import ./nix/npm-lock.nix { lock = builtins.fromJSON ${JSON.stringify(JSON.stringify(made)).replace(/\$\{/g, '\\${')}; platform = ${platform}; }`,
        );
        const tree = await new Arborist({ path: dir, offline: true, os, cpu: 'x64', libc: os === 'linux' ? 'glibc' : undefined }).buildIdealTree();
        const npm = [...tree.inventory.values()].filter((n) => !n.isRoot && !n.inert).map((n) => n.location).sort();
        expect(selected.map((e) => e.path).sort(), system).toEqual(npm);
      }
      const linux = nixEvalJson<Selected[]>(
        `import ./nix/npm-lock.nix { lock = builtins.fromJSON ${JSON.stringify(JSON.stringify(made)).replace(/\$\{/g, '\\${')}; system = "x86_64-linux"; }`,
      );
      expect(linux.map((e) => e.path).sort()).toEqual(['node_modules/d', 'node_modules/d/node_modules/@s/f', 'node_modules/old-e']);
      const alias = linux.find((e) => e.path === 'node_modules/old-e')!;
      expect([alias.name, alias.fileName]).toEqual(['e', 'e-1.2.3.tgz']);
      expect(linux.find((e) => e.path === 'node_modules/d/node_modules/@s/f')!.fileName).toBe('s-f-2.0.0.tgz');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
