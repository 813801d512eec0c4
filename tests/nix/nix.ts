/**
 * Running Debian's nix-bin (Nix 2.8) from the tests: no network to nixpkgs or a binary cache,
 * no sandbox, builds as the nixbld users (or as root where that group is missing), the store in
 * /nix. `bash .ci/run` installs nix-bin; without it these tests fail and say so.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, type Dirent } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

const MISSING =
  'nix-bin is not installed: these tests run Nix (2.8, from Debian). Install it with ' +
  '`apt-get install -y nix-bin` (bash .ci/run does), as root, or with a running nix-daemon.';

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, command))) return join(dir, command);
  }
  return undefined;
}

/** Throws, with the way out, unless nix-instantiate, nix-build, nix-store and nix are on PATH. */
export function requireNix(): void {
  const missing = ['nix-instantiate', 'nix-build', 'nix-store', 'nix'].filter((c) => !onPath(c));
  if (missing.length) throw new Error(`${MISSING} (missing: ${missing.join(', ')})`);
}

/** Options every Nix command gets here: nothing to substitute from, no sandbox. */
export function nixOptions(): string[] {
  const options = ['--option', 'substituters', '', '--option', 'sandbox', 'false'];
  // Debian's postinst creates the nixbld group; where it is missing, root builds as itself.
  const group = spawnSync('getent', ['group', 'nixbld'], { encoding: 'utf8' });
  if (group.status !== 0) options.push('--option', 'build-users-group', '');
  return options;
}

export const flakeFeatures = ['--extra-experimental-features', 'nix-command flakes'];

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command; `check` (the default) throws with its stderr when it fails. */
export function run(
  command: string,
  args: string[],
  { cwd = repoRoot, check = true, timeoutMs = 120_000, env }: { cwd?: string; check?: boolean; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): RunResult {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
    env: env ?? process.env,
  });
  if (result.error) throw new Error(`${command} could not run: ${result.error.message}`);
  const out = { status: result.status, stdout: result.stdout, stderr: result.stderr };
  if (check && result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} exited ${result.status}:\n${result.stderr.slice(-4000)}`);
  }
  return out;
}

/** Evaluates a Nix expression (in the repository root) strictly, as JSON. */
export function nixEvalJson<T>(expression: string): T {
  const { stdout } = run('nix-instantiate', [...nixOptions(), '--eval', '--strict', '--json', '-E', expression]);
  return JSON.parse(stdout) as T;
}

/** A Nix string literal. */
export function nixString(value: string): string {
  return JSON.stringify(value).replace(/\$\{/g, '\\${');
}

/** The .nix files of the repository (not node_modules). */
export function nixFiles(dir = repoRoot): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSafe(d)) {
      if (['node_modules', '.git', 'dist', 'data'].includes(entry.name)) continue;
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.nix')) found.push(relative(repoRoot, path));
    }
  };
  walk(dir);
  return found.sort();
}

function readdirSafe(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

/**
 * A copy of what the flake reads, in a fresh folder, for `path:` flake references: a `path:`
 * flake is the whole folder (the repository's would bring node_modules along), and a `git+file`
 * one only what git tracks. So the copy is what git tracks or would track (not ignored): no
 * second list of folders to forget one in.
 */
export function flakeCopy(): { dir: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-flake-'));
  const files = run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repoRoot })
    .stdout.split('\0')
    .filter((file) => file && existsSync(join(repoRoot, file)));
  for (const file of files) cpSync(join(repoRoot, file), join(dir, file), { recursive: true });
  return { dir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The environment variables server/config.ts reads (the keys of its zod EnvSchema). */
export function configVariables(): string[] {
  const source = readFileSync(join(repoRoot, 'server/config.ts'), 'utf8');
  const block = /const EnvSchema = z\.object\(\{([\s\S]*?)\n\}\)/.exec(source)?.[1];
  if (!block) throw new Error('server/config.ts: no `const EnvSchema = z.object({ … })` to read the variables from');
  const names = [...block.matchAll(/^ {2}([A-Z][A-Z0-9_]*)\s*:/gm)].map((m) => m[1]!);
  if (!names.length) throw new Error('server/config.ts: EnvSchema lists no variables');
  return names;
}

/** npm's own dependency resolver, from the npm that runs these tests. */
export function npmArborist(): new (options: Record<string, unknown>) => {
  buildIdealTree(options?: Record<string, unknown>): Promise<{ inventory: Map<string, ArboristNode> }>;
} {
  const npmRoot = run('npm', ['root', '-g']).stdout.trim();
  const candidates = [join(npmRoot, 'npm/node_modules/@npmcli/arborist'), join(dirname(npmRoot), 'lib/node_modules/npm/node_modules/@npmcli/arborist')];
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(`npm's @npmcli/arborist not found (looked in ${candidates.join(', ')})`);
  return createRequire(import.meta.url)(found);
}

export interface ArboristNode {
  location: string;
  isRoot: boolean;
  inert?: boolean;
  dev: boolean;
}
