/**
 * The package built the way nixpkgs builds it, then started the way the NixOS module starts it
 * (tests/nix/build-simulation.ts says what is replayed and what is not). Minutes on a first run:
 * the npm tarballs are fixed-output derivations that stay in the Nix store for the next one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../helpers/net.js';
import {
  buildEnv,
  buildTarballs,
  compileRestrictor,
  evaluatePackage,
  lockedTarballs,
  makeReadOnly,
  npmBuildHook,
  npmConfigHook,
  runPhase,
  traversable,
  unpack,
  withHostTools,
  writableBy,
  type EvaluatedPackage,
} from './build-simulation.js';
import { requireNix } from './nix.js';

const NOBODY = 65534;
const KEY = 'simulation-presenter-key';

let work: string;
let evaluated: EvaluatedPackage;
let installed: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'lectern-nix-build-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the Nix package, replayed offline', () => {
  test('evaluates, and every tarball importNpmLock points at is a built fixed-output derivation', () => {
    requireNix();
    evaluated = evaluatePackage();
    const built = new Set(buildTarballs());
    const locked = lockedTarballs(evaluated.npmDeps.packageLock);
    expect(locked.length).toBeGreaterThan(50);
    for (const tarball of locked) {
      expect(built.has(tarball), `${tarball} is in the lock but was not built`).toBe(true);
      expect(tarball).toMatch(/\.tgz$/);
    }
    // package.json's own dependencies point at tarballs too
    const pkg = JSON.parse(evaluated.npmDeps.package) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    for (const spec of [...Object.values(pkg.dependencies), ...Object.values(pkg.devDependencies)]) expect(spec).toMatch(/^file:\/nix\/store\/.+\.tgz$/);
  }, 1_800_000);

  test('installs offline, builds, passes its check phase and installs', () => {
    expect(evaluated, 'the evaluation above').toBeDefined();
    const npmDeps = join(work, 'npm-deps');
    mkdirSync(npmDeps);
    writeFileSync(join(npmDeps, 'package.json'), evaluated.npmDeps.package);
    writeFileSync(join(npmDeps, 'package-lock.json'), evaluated.npmDeps.packageLock);

    // the production node_modules: its own derivation (the image's node_modules layer)
    const nodeModulesSrc = join(work, 'node-modules-src');
    const nodeModulesOut = join(work, 'store', 'lectern-node-modules');
    unpack(evaluated.nodeModules.src, nodeModulesSrc);
    const nmPhase = { cwd: nodeModulesSrc, env: buildEnv(evaluated.nodeModules, join(work, 'home-nm'), nodeModulesOut) };
    mkdirSync(nmPhase.env.HOME!, { recursive: true });
    runPhase('node_modules: npmConfigHook', npmConfigHook(npmDeps), nmPhase);
    expect(evaluated.nodeModules.dontBuild).toBe(true);
    runPhase('node_modules: installPhase', evaluated.nodeModules.installPhase, nmPhase);
    expect(existsSync(join(nodeModulesOut, 'node_modules/hono/package.json'))).toBe(true);
    expect(existsSync(join(nodeModulesOut, 'node_modules/vite')), 'dev dependencies are not in the runtime closure').toBe(false);

    // the package: configure (npmConfigHook), build, check, install
    const src = join(work, 'source');
    const out = join(work, 'store', 'lectern');
    unpack(evaluated.app.src, src);
    const phase = { cwd: src, env: buildEnv(evaluated.app, join(work, 'home'), out) };
    mkdirSync(phase.env.HOME!, { recursive: true });
    runPhase('npmConfigHook', npmConfigHook(npmDeps), phase);
    runPhase('buildPhase (npmBuildHook)', npmBuildHook(evaluated.app.npmBuildScript), phase);
    expect(evaluated.app.doCheck).toBe(true);
    const check = runPhase('checkPhase', evaluated.app.checkPhase, phase);
    expect(check).toMatch(/Tests\s+.*\d+ passed/);
    const installPhase = withHostTools(evaluated.app.installPhase, {
      [evaluated.tools.nodeModulesOut]: nodeModulesOut,
      [`${evaluated.tools.runtimeNode}/bin/node`]: process.execPath,
    });
    expect(installPhase, 'a store path the replay does not know how to stand in for').not.toMatch(/\/nix\/store\//);
    runPhase('installPhase', installPhase, phase);
    const dest = join(out, 'lib/node_modules/lectern');
    expect(existsSync(join(out, 'bin/lectern'))).toBe(true);
    expect(existsSync(join(dest, 'dist/client/index.html')), 'the built client').toBe(true);
    // the manifests as committed, not importNpmLock's with store paths
    expect(readFileSync(join(dest, 'package.json'), 'utf8')).not.toContain('/nix/store/');
    installed = out;
  }, 1_200_000);
});

describe('the installed package, started as the NixOS module starts it', () => {
  let restrictor: string;
  beforeAll(() => {
    if (!installed) return;
    makeReadOnly(join(work, 'store'));
    traversable(join(work, 'store'));
    restrictor = compileRestrictor(work);
  });

  /** Starts the installed program as `nobody`, read-only, under RestrictAddressFamilies. */
  async function start(families: string[], name: string) {
    const state = join(work, `state-${name}`);
    const tmp = join(work, `tmp-${name}`);
    writableBy(state, NOBODY, NOBODY);
    writableBy(tmp, NOBODY, NOBODY);
    const port = await freePort();
    const child = spawn(restrictor, [String(NOBODY), String(NOBODY), families.join(','), '--', join(installed, 'bin/lectern')], {
      cwd: state,
      env: { PATH: '/usr/bin:/bin', HOME: state, TMPDIR: tmp, HOST: '0.0.0.0', PORT: String(port), DATA_DIR: state, PRESENTER_KEY: KEY, LOG_LEVEL: 'warn', WATCH_DECKS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (d) => (output += d));
    child.stderr!.on('data', (d) => (output += d));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const ready = await Promise.race([
      (async () => {
        while (!output.includes('Lectern is serving')) await new Promise((r) => setTimeout(r, 100));
        return true;
      })(),
      exited.then(() => false),
      new Promise<boolean>((r) => setTimeout(() => r(false), 90_000)),
    ]);
    if (!ready) {
      child.kill('SIGKILL');
      throw new Error(`lectern did not start under RestrictAddressFamilies=${families.join(' ')}:\n${output.slice(-4000)}`);
    }
    // still running a moment later: the crash loop died right after it started listening
    await new Promise((r) => setTimeout(r, 1_000));
    if (child.exitCode !== null) throw new Error(`lectern exited (${child.exitCode}) after starting:\n${output.slice(-4000)}`);
    return { child, base: `http://127.0.0.1:${port}`, output: () => output, exited };
  }

  async function stop(child: ChildProcess, exited: Promise<number | null>) {
    child.kill('SIGTERM');
    return exited;
  }

  test('with the module’s address families: health, the audience page, a phone’s socket and a slide change', async () => {
    expect(installed, 'the build above').toBeDefined();
    const { child, base, output, exited } = await start(evaluated.addressFamilies, 'module');
    try {
      const health = await fetch(`${base}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true });
      const page = await fetch(`${base}/homelab`);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<html/i);

      const phone = io(base, { transports: ['websocket'], auth: { talk: 'homelab' }, reconnection: false });
      try {
        const state = await new Promise<{ slide: number }>((resolve, reject) => {
          phone.once('state', resolve);
          phone.once('connect_error', reject);
        });
        const changed = new Promise<{ index: number }>((resolve) => phone.once('slide:changed', resolve));
        const next = await fetch(`${base}/api/talks/homelab/next`, { method: 'POST', headers: { authorization: `Bearer ${KEY}` } });
        expect(next.status).toBe(200);
        expect((await changed).index).toBe(state.slide + 1);
      } finally {
        phone.close();
      }
      expect(output()).toContain('Lectern is serving 1 talk(s)');
    } finally {
      expect(await stop(child, exited)).toBe(0);
    }
  }, 180_000);

  test('without AF_NETLINK the banner falls back instead of crashing the service', async () => {
    expect(installed, 'the build above').toBeDefined();
    const families = evaluated.addressFamilies.filter((f) => f !== 'AF_NETLINK');
    const { child, base, output, exited } = await start(families, 'no-netlink');
    try {
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
      expect(output()).toMatch(/audience\s+http:\/\/localhost:\d+\/homelab/);
    } finally {
      expect(await stop(child, exited)).toBe(0);
    }
  }, 180_000);
});
