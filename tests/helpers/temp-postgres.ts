/**
 * A throwaway Postgres cluster of its own (initdb in a temp folder, random port), so a test can stop
 * and start "the database" without disturbing the shared server other tests use.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './net.js';

const BIN = join('/usr/lib/postgresql', readdirSync('/usr/lib/postgresql').sort().at(-1)!, 'bin');

function asPostgres(cmd: string, args: string[]) {
  // initdb and postgres refuse to run as root; tests here run as root in CI.
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(BIN, cmd), ...args]] : [join(BIN, cmd), args];
  return execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 }).toString();
}

export interface TempPostgres {
  url: string;
  port: number;
  stop(): void;
  start(): void;
  destroy(): void;
}

/** Creates and starts a cluster with trust auth on a free port; `url` points at its `postgres` database. */
export async function startTempPostgres(): Promise<TempPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'lectern-pg-'));
  if (process.getuid?.() === 0) chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), Number(execFileSync('id', ['-g', 'postgres']).toString().trim()));
  const data = join(dir, 'data');
  asPostgres('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const port = await freePort();
  const start = () => asPostgres('pg_ctl', ['-D', data, '-w', '-t', '30', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start,
    stop: () => void asPostgres('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']),
    destroy() {
      try {
        asPostgres('pg_ctl', ['-D', data, '-w', '-m', 'immediate', 'stop']);
      } catch {
        // already stopped
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
