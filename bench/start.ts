/**
 * Start and memory, as a user runs Lectern: the compiled server (`node dist/server.js`, what
 * `npm start` and `bin/lectern.js` run) with the example deck, on PGlite (a new data folder, then a
 * restart on it) and on Postgres (a new database, then a restart). Each start is timed from spawn to
 * the first 200 from `/healthz`; RSS is read from /proc ten seconds later (the process, PGlite's
 * worker thread included). `npm start` (client built) is timed the same way, RSS summed over npm,
 * its shell and node. Optionally 1k and 10k phones then connect (each counted once it has `state`)
 * and RSS is read again. The server is not pinned for the start (a real start has every core); it
 * is pinned to the server CPU while phones are measured.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../tests/helpers/net.js';
import { LoadGroup } from './lib/load-group.js';
import { createBenchDatabase } from './lib/postgres.js';
import { BENCH_DIR, cpus } from './lib/proc.js';
import { BENCH_VOTER_SECRET, PRESENTER_KEY } from './lib/servers.js';

const ROOT = join(BENCH_DIR, '..');
const DECK = join(ROOT, 'decks/homelab.md');
const TALK = 'homelab';
const REST_MS = 10_000;

export type StartKind = 'pglite-first' | 'pglite-restart' | 'postgres-first' | 'postgres-restart' | 'npm-restart';

export interface StartSample {
  kind: StartKind;
  /** Spawn to the first 200 from /healthz (ms). */
  startMs: number;
  /** RSS ten seconds after /healthz answered (bytes; npm: the whole process tree). */
  rss: number;
  /** RSS with 1k and 10k phones connected (bytes), when measured. */
  phones?: { sockets: number; connected: number; rss: number; joinMs: number }[];
}

export interface StartOptions {
  repeats: number;
  drivers: ('pglite' | 'postgres')[];
  npm: boolean;
  phones: number[];
  log: (line: string) => void;
}

/** VmRSS of a process (bytes), 0 once it is gone. */
function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** The pid and every descendant (npm → sh → node). */
function tree(pid: number): number[] {
  const out = spawnSync('ps', ['-e', '-o', 'pid=,ppid=']).stdout.toString();
  const kids = new Map<number, number[]>();
  for (const line of out.trim().split('\n')) {
    const [p, pp] = line.trim().split(/\s+/).map(Number) as [number, number];
    kids.set(pp, [...(kids.get(pp) ?? []), p]);
  }
  const all: number[] = [];
  const visit = (p: number) => {
    all.push(p);
    (kids.get(p) ?? []).forEach(visit);
  };
  visit(pid);
  return all;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}) before /healthz answered`);
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('no /healthz within the timeout');
}

async function stop(child: ChildProcess) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(t);
}

interface Started {
  child: ChildProcess;
  url: string;
  startMs: number;
}

async function startCompiled(env: Record<string, string>, npm: boolean): Promise<Started> {
  const port = await freePort();
  const fullEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PRESENTER_KEY, VOTER_SECRET: BENCH_VOTER_SECRET, LOG_LEVEL: 'warn', WATCH_DECKS: '0', ...env };
  const t0 = performance.now();
  // npm in its own process group, so stop() can end npm, its shell and node together.
  const child = npm
    ? spawn('npm', ['start', '--silent', '--', DECK], { cwd: ROOT, env: fullEnv, stdio: ['ignore', 'ignore', 'inherit'], detached: true })
    : spawn(process.execPath, [join(ROOT, 'dist/server.js'), DECK], { cwd: ROOT, env: fullEnv, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  await waitHealthy(url, child);
  return { child, url, startMs: performance.now() - t0 };
}

async function stopStarted(s: Started, npm: boolean) {
  if (!npm) return stop(s.child);
  const exited = new Promise((r) => s.child.once('exit', r));
  try {
    process.kill(-s.child.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  const t = setTimeout(() => {
    try {
      process.kill(-s.child.pid!, 'SIGKILL');
    } catch {
      // gone
    }
  }, 30_000);
  await exited;
  clearTimeout(t);
}

/** Rests, then reads RSS (the tree for npm); phones connect afterwards when asked. */
async function measure(kind: StartKind, s: Started, o: StartOptions, withPhones: boolean): Promise<StartSample> {
  await new Promise((r) => setTimeout(r, REST_MS));
  const pids = kind === 'npm-restart' ? tree(s.child.pid!) : [s.child.pid!];
  const rss = pids.reduce((a, p) => a + rssOf(p), 0);
  const sample: StartSample = { kind, startMs: s.startMs, rss };
  o.log(`  start ${kind}: /healthz in ${(s.startMs / 1000).toFixed(2)} s, RSS at rest ${(rss / 2 ** 20).toFixed(0)} MB`);
  if (withPhones && o.phones.length) {
    if (cpus.pin) spawnSync('taskset', ['-pac', cpus.server, String(s.child.pid)], { stdio: 'ignore' });
    const load = await LoadGroup.start(2);
    sample.phones = [];
    try {
      let have = 0;
      let joined = 0;
      for (const n of o.phones) {
        const conn = await load.connect(n - have, { url: s.url, protocol: 'eio4', client: 'raw', auth: { talk: TALK }, voterPrefix: `mem-${randomBytes(4).toString('hex')}-`, event: 'slide:changed', indexPath: 'index', until: 'state' }, 300_000);
        have = n;
        joined += conn.connected;
        await new Promise((r) => setTimeout(r, 3_000));
        const phonesRss = rssOf(s.child.pid!);
        sample.phones.push({ sockets: n, connected: joined, rss: phonesRss, joinMs: conn.ms });
        o.log(`  start ${kind}: ${n} phones (${joined} with state), RSS ${(phonesRss / 2 ** 20).toFixed(0)} MB`);
      }
    } finally {
      await load.stop();
    }
  }
  return sample;
}

export async function runStart(o: StartOptions): Promise<StartSample[]> {
  if (!existsSync(join(ROOT, 'dist/server.js')) || !existsSync(join(ROOT, 'dist/client/index.html'))) {
    throw new Error('dist/server.js or dist/client is missing: run `npm run build` first');
  }
  const samples: StartSample[] = [];
  for (let round = 0; round < o.repeats; round++) {
    const last = round === o.repeats - 1;
    if (o.drivers.includes('pglite')) {
      const dataDir = await mkdtemp(join(tmpdir(), 'lectern-bench-start-'));
      try {
        for (const kind of ['pglite-first', 'pglite-restart'] as const) {
          const s = await startCompiled({ DATA_DIR: dataDir }, false);
          try {
            samples.push(await measure(kind, s, o, last && kind === 'pglite-restart'));
          } finally {
            await stop(s.child);
          }
        }
      } finally {
        await rm(dataDir, { recursive: true, force: true });
      }
    }
    if (o.drivers.includes('postgres')) {
      const pg = await createBenchDatabase();
      try {
        for (const kind of ['postgres-first', 'postgres-restart'] as const) {
          const s = await startCompiled({ DATABASE_URL: pg.url }, false);
          try {
            samples.push(await measure(kind, s, o, last && kind === 'postgres-restart'));
          } finally {
            await stop(s.child);
          }
        }
        // prestart rebuilds when sources changed since the last build (someone editing the tree):
        // that start is no restart, so it is dropped and tried once more.
        for (let attempt = 0; o.npm && attempt < 2; attempt++) {
          const builtAt = () => statSync(join(ROOT, 'dist/server.js')).mtimeMs + statSync(join(ROOT, 'dist/client/index.html')).mtimeMs;
          const built = builtAt();
          const s = await startCompiled({ DATABASE_URL: pg.url }, true);
          try {
            const sample = await measure('npm-restart', s, o, false);
            if (builtAt() === built) {
              samples.push(sample);
              break;
            }
            o.log('  start npm-restart: prestart rebuilt (sources changed since the last build); sample dropped');
          } finally {
            await stopStarted(s, true);
          }
        }
      } finally {
        await pg.drop().catch(() => undefined);
      }
    }
  }
  return samples;
}
