/**
 * The Nix build of the package, replayed here without nixpkgs: what nixpkgs' buildNpmPackage,
 * importNpmLock and its npmConfigHook do with nix/package.nix, step by step, on this machine.
 *
 * - The sources are the ones nix/package.nix's own filters select, evaluated with nix-instantiate
 *   against the stand-in (nix/stub-nixpkgs): no second list of folders to keep in sync.
 * - The npm tarballs are the real fixed-output derivations of nix/npm-pack.nix, built with
 *   nix-bin (the store keeps them between runs). Their store paths are the ones the stand-in's
 *   importNpmLock (a transcription of nixpkgs' pkgs/build-support/node/import-npm-lock) writes
 *   into package.json and package-lock.json as `file:` URLs: a fixed-output path depends on the
 *   name and hash only, not on the tools that fetched it.
 * - npmConfigHook's steps (import-npm-lock/hooks/npm-config-hook.sh) against a registry that
 *   cannot answer, then the phases as the evaluated derivations spell them: buildNpmPackage's
 *   build hook (`npm run <npmBuildScript>`), checkPhase, installPhase, and the production
 *   node_modules derivation the same way. Store paths of build tools in those phase scripts are
 *   replaced by this machine's (node, the wrapper maker); nothing else of the scripts changes.
 *
 * Not replayed: patchShebangs and the symlink canonicalisation (Nix store details), fixup's
 * reference scan (disallowedReferences), and the sandbox (the build here runs with this
 * machine's PATH). Those need the real nixpkgs: `nix build` on a machine that can fetch it.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, lstatSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { nixOptions, nixString, repoRoot, run } from './nix.js';

/** What nix/package.nix evaluates to, as far as the replay needs it. */
export interface EvaluatedPackage {
  app: Derivation & { npmBuildScript: string; checkPhase: string; installPhase: string; doCheck: boolean };
  nodeModules: Derivation & { installPhase: string; dontBuild: boolean };
  /** importNpmLock's output: the package.json / package-lock.json pair pointing at the tarballs */
  npmDeps: { package: string; packageLock: string };
  /** store paths of the stand-in's build tools as they appear in the phase scripts */
  tools: { runtimeNode: string; buildNode: string; nodeModulesOut: string };
  /** the module's RestrictAddressFamilies with its default settings */
  addressFamilies: string[];
}

interface Derivation {
  src: string;
  env: Record<string, string>;
  npmInstallFlags: string[];
  npmFlags: string[];
  npmRebuildFlags: string[];
}

const STUB = './nix/stub-nixpkgs';

/** Evaluates nix/package.nix (and the module's address families) against the stand-in. */
export function evaluatePackage(): EvaluatedPackage {
  const derivationFields = (name: string) => `{
      src = "\${${name}.src}";
      env = ${name}.env or { };
      npmInstallFlags = ${name}.npmInstallFlags or [ ];
      npmFlags = ${name}.npmFlags or [ ];
      npmRebuildFlags = ${name}.npmRebuildFlags or [ ];
    }`;
  const expression = `
    let
      lib = import ${STUB}/lib.nix;
      pkgs = import ${STUB}/pkgs.nix { inherit lib; system = builtins.currentSystem; };
      modules = import ${STUB}/modules.nix { inherit lib; };
      lectern = pkgs.callPackage ./nix/package.nix { };
      nodeModules = lectern.passthru.nodeModules;
      service = (modules.evalModule {
        module = import ./nix/module.nix { self.packages.\${builtins.currentSystem}.default = lectern; };
        definitions.services.lectern.enable = true;
        inherit pkgs;
      }).config.systemd.services.lectern;
    in {
      app = ${derivationFields('lectern')} // {
        inherit (lectern) npmBuildScript checkPhase installPhase doCheck;
      };
      nodeModules = ${derivationFields('nodeModules')} // {
        inherit (nodeModules) installPhase;
        dontBuild = nodeModules.dontBuild or false;
      };
      npmDeps = { inherit (lectern.npmDeps) package packageLock; };
      tools = {
        runtimeNode = lectern.passthru.nodejs.outPath;
        buildNode = pkgs.nodejs_22.outPath;
        nodeModulesOut = nodeModules.outPath;
      };
      addressFamilies = service.serviceConfig.RestrictAddressFamilies;
    }`;
  // not read-only: builtins.path copies the filtered sources into the store, as a real build does
  const { stdout } = run('nix-instantiate', [...nixOptions(), '--eval', '--read-write-mode', '--strict', '--json', '-E', expression], { timeoutMs: 300_000 });
  return JSON.parse(stdout) as EvaluatedPackage;
}

/** PATH for builders run by nix-bin: this machine's npm and node, and coreutils. */
function hostToolPath(): string {
  const npm = run('sh', ['-c', 'command -v npm']).stdout.trim();
  return [dirname(npm), dirname(process.execPath), '/usr/bin', '/bin'].join(':');
}

/**
 * Builds the tarball of every lock entry npm installs on this platform (nix/npm-pack.nix, checked
 * against the entry's integrity) and returns their store paths.
 */
export function buildTarballs(): string[] {
  const expression = `
    map (import ./nix/npm-pack.nix { system = builtins.currentSystem; shell = "/bin/sh"; path = ${nixString(hostToolPath())}; })
      (import ./nix/npm-lock.nix { lock = builtins.fromJSON (builtins.readFile ./package-lock.json); system = builtins.currentSystem; })`;
  const { stdout } = run('nix-build', [...nixOptions(), '--max-jobs', '8', '--no-out-link', '-E', expression], { timeoutMs: 1_500_000 });
  return stdout.trim().split('\n').filter(Boolean);
}

export interface Phase {
  /** the directory the phase runs in (the unpacked source) */
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Runs a bash script as a build phase would: errexit, runHook, the derivation's environment. */
export function runPhase(name: string, script: string, phase: Phase, timeoutMs = 600_000): string {
  const prelude = `set -eo pipefail
runHook() {
  # the only hook our derivations get from their inputs: npmConfigHook's postInstall
  if [ "$1" = postInstall ] && [ -f .package.json.orig ]; then
    local packageOut="$out/lib/node_modules/$(jq --raw-output '.name' .package.json.orig)"
    if [ -d "$packageOut" ]; then
      cp --no-preserve=mode .package.json.orig "$packageOut/package.json"
      [ ! -f .package-lock.json.orig ] || cp --no-preserve=mode .package-lock.json.orig "$packageOut/package-lock.json"
    fi
  fi
}
# make-binary-wrapper's makeBinaryWrapper EXECUTABLE OUT --add-flags FLAGS, as a script
makeBinaryWrapper() {
  local executable="$1" wrapper="$2"; shift 2
  local flags=""
  while [ $# -gt 0 ]; do
    case "$1" in
      --add-flags) flags="$flags $2"; shift 2 ;;
      *) echo "makeBinaryWrapper (replay): unsupported argument $1" >&2; return 1 ;;
    esac
  done
  mkdir -p "$(dirname "$wrapper")"
  printf '#!/bin/sh\\nexec %s%s "$@"\\n' "$executable" "$flags" > "$wrapper"
  chmod 0755 "$wrapper"
}
`;
  const result = spawnSync('bash', ['-c', `${prelude}\n${script}`], {
    cwd: phase.cwd,
    env: phase.env,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.error) throw new Error(`${name}: ${result.error.message}`);
  if (result.status !== 0) {
    throw new Error(`${name} failed (exit ${result.status}):\n${(result.stdout + result.stderr).slice(-6000)}`);
  }
  return result.stdout + result.stderr;
}

/** A registry address nothing answers on: the install must need no network, as in the sandbox. */
const DEAD_REGISTRY = 'http://127.0.0.1:9/';

/** The environment of a build: the derivation's `env`, HOME in the build folder, no registry. */
export function buildEnv(derivation: Derivation, home: string, out: string): NodeJS.ProcessEnv {
  const path = [dirname(process.execPath), dirname(run('sh', ['-c', 'command -v npm']).stdout.trim()), '/usr/bin', '/bin'].join(':');
  return {
    PATH: path,
    HOME: home,
    TMPDIR: home,
    out,
    npm_config_cache: join(home, 'npm-cache'),
    npm_config_registry: DEAD_REGISTRY,
    npm_config_update_notifier: 'false',
    ...derivation.env,
    // nixpkgs exports list attributes as space-separated strings
    npmInstallFlags: derivation.npmInstallFlags.join(' '),
    npmFlags: derivation.npmFlags.join(' '),
    npmRebuildFlags: derivation.npmRebuildFlags.join(' '),
  };
}

/** import-npm-lock/hooks/npm-config-hook.sh, against the replay's npmDeps. */
export const npmConfigHook = (npmDeps: string) => `
echo "Executing npmConfigHook"
npm config set offline true
npm config set progress false
npm config set fund false
mv package.json .package.json.orig
if test -f package-lock.json; then mv package-lock.json .package-lock.json.orig; fi
cp --no-preserve=mode "${npmDeps}/package.json" package.json
cp --no-preserve=mode "${npmDeps}/package-lock.json" package-lock.json
npm install --ignore-scripts $npmInstallFlags $npmFlags
npm rebuild $npmRebuildFlags $npmFlags
echo "Finished npmConfigHook"
`;

/** npm-hooks' npmBuildHook: `npm run <npmBuildScript>`. */
export const npmBuildHook = (script: string) => `npm run ${JSON.stringify(script)} $npmBuildFlags $npmFlags`;

/** Copies a store path (read-only) into a writable build folder, as unpackPhase does. */
export function unpack(storePath: string, into: string): void {
  cpSync(storePath, into, { recursive: true });
  run('chmod', ['-R', 'u+w', into]);
}

/** Replaces the stand-in's store paths of build tools by this machine's, in a phase script. */
export function withHostTools(script: string, replacements: Record<string, string>): string {
  let result = script;
  for (const [from, to] of Object.entries(replacements)) result = result.split(from).join(to);
  return result;
}

/** The `file:` URLs importNpmLock wrote into the lock. */
export function lockedTarballs(packageLock: string): string[] {
  const lock = JSON.parse(packageLock) as { packages: Record<string, { resolved?: string }> };
  return Object.values(lock.packages)
    .map((entry) => entry.resolved)
    .filter((resolved): resolved is string => !!resolved?.startsWith('file:'))
    .map((resolved) => resolved.slice('file:'.length));
}

/** Makes a tree read-only for everyone and readable by the unprivileged user. */
export function makeReadOnly(path: string): void {
  run('chmod', ['-R', 'a-w,a+rX', path]);
}

/** Gives the unprivileged user a writable folder (DATA_DIR, TMPDIR). */
export function writableBy(path: string, uid: number, gid: number): void {
  mkdirSync(path, { recursive: true });
  chownSync(path, uid, gid);
  chmodSync(path, 0o700);
}

/** Every folder from / down to `path` must be enterable by the unprivileged user. */
export function traversable(path: string): void {
  for (let dir = path; dir !== dirname(dir); dir = dirname(dir)) {
    const mode = lstatSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, (mode & 0o7777) | 0o011);
  }
}

/** Compiles the RestrictAddressFamilies stand-in (restrict-address-families.c). */
export function compileRestrictor(into: string): string {
  const binary = join(into, 'restrict-address-families');
  run('cc', ['-O2', '-Wall', '-Werror', '-o', binary, join(repoRoot, 'tests/nix/restrict-address-families.c')]);
  return binary;
}

