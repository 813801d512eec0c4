/** Lectern as a real OS process (`node --import tsx server/main.ts`), for multi-process and signal tests. */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { freePort } from './net.js';
import { TEST_VOTER_SECRET } from './voters.js';

export interface ProcessServer {
  url: string;
  port: number;
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exited: Promise<number | string | null>;
  /** Kills the process (SIGKILL) unless it is gone already; resolves once it is. */
  kill(): Promise<void>;
}

/** Runs `server/main.ts` as `npm start` does (quiet, no deck watching); `env` adds to or overrides the test's own. */
export function serverProcess(args: string[], env: Record<string, string> = {}): ChildProcess & { stdout: Readable; stderr: Readable } {
  return spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', WATCH_DECKS: '0', VOTER_SECRET: TEST_VOTER_SECRET, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Starts a server process on a free port and waits until it prints its URLs. */
export async function spawnServer(decks: string[], env: Record<string, string>): Promise<ProcessServer> {
  const port = await freePort();
  const child = serverProcess(decks, { PORT: String(port), HOST: '127.0.0.1', ...env });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | string | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 30 s:\n${out}`)), 30_000);
    const check = () => {
      if (out.includes('Lectern is serving')) (clearTimeout(timer), child.stdout!.off('data', check), resolve());
    };
    child.stdout!.on('data', check);
    void exited.then((code) => (clearTimeout(timer), reject(new Error(`server exited (${code}) before starting:\n${out}`))));
  });
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };
  return { url: `http://127.0.0.1:${port}`, port, child, output: () => out, exited, kill };
}
