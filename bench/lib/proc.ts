/**
 * Child processes for the benchmark: each runs a TypeScript entry under tsx, pinned to CPUs with
 * `taskset` when the machine has more than one, with an IPC channel for requests and reports.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/tsx/dist/loader.mjs', import.meta.url));

/** CPU sets: the server alone on the first core, everything else (load, orchestrator) on the rest. */
export const cpus = (() => {
  const n = availableParallelism();
  const pin = n >= 2 && spawnSync('taskset', ['-V']).status === 0;
  return { pin, server: '0', load: pin ? `1-${n - 1}` : '0', count: n };
})();

/** Pins this process (the orchestrator and its presenter) to the load CPUs. */
export function pinSelf() {
  if (cpus.pin) spawnSync('taskset', ['-pc', cpus.load, String(process.pid)], { stdio: 'ignore' });
}

export interface Child {
  proc: ChildProcess;
  /** Sends `{ id, ...msg }` and resolves with the reply carrying the same id. */
  request<T = Record<string, unknown>>(msg: Record<string, unknown>, timeoutMs?: number): Promise<T>;
  /** Resolves with the first message whose `type` matches. */
  waitFor<T = Record<string, unknown>>(type: string, timeoutMs?: number): Promise<T>;
  /** SIGKILL after a grace period if it has not exited. */
  stop(graceMs?: number): Promise<void>;
  readonly exited: boolean;
}

let nextId = 1;

/** Starts `bench/<entry>` under tsx with an IPC channel, pinned to `cpuList` when pinning works. */
export function startChild(entry: string, opts: { cpuList: string; env?: Record<string, string | undefined>; nodeArgs?: string[] }): Child {
  const node = [...(opts.nodeArgs ?? []), '--import', TSX, `${BENCH_DIR}${entry}`];
  const [cmd, args] = cpus.pin ? ['taskset', ['-c', opts.cpuList, process.execPath, ...node]] : [process.execPath, node];
  const proc = spawn(cmd, args as string[], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...opts.env },
  });
  const pending = new Map<number, (msg: Record<string, unknown>) => void>();
  const waiters: { type: string; resolve: (msg: Record<string, unknown>) => void }[] = [];
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    proc.once('exit', (code, signal) => {
      exited = true;
      const err = new Error(`${entry} exited (${signal ?? code}) while a request was pending`);
      pending.forEach((r) => r({ error: err.message }));
      waiters.forEach((w) => w.resolve({ error: err.message }));
      resolve();
    }),
  );
  proc.on('message', (msg: Record<string, unknown>) => {
    if (typeof msg.id === 'number' && pending.has(msg.id)) {
      const r = pending.get(msg.id)!;
      pending.delete(msg.id);
      r(msg);
      return;
    }
    const i = waiters.findIndex((w) => w.type === msg.type);
    if (i >= 0) waiters.splice(i, 1)[0]!.resolve(msg);
  });

  const withTimeout = <T>(p: Promise<Record<string, unknown>>, ms: number, what: string) =>
    new Promise<T>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`${entry}: no answer to ${what} within ${ms} ms`)), ms);
      p.then((msg) => {
        clearTimeout(t);
        if (typeof msg.error === 'string') reject(new Error(msg.error));
        else resolve(msg as T);
      });
    });

  return {
    proc,
    get exited() {
      return exited;
    },
    request(msg, timeoutMs = 60_000) {
      const id = nextId++;
      const p = new Promise<Record<string, unknown>>((resolve) => pending.set(id, resolve));
      if (exited) return Promise.reject(new Error(`${entry} has exited`));
      proc.send({ ...msg, id });
      return withTimeout(p, timeoutMs, String(msg.type));
    },
    waitFor(type, timeoutMs = 60_000) {
      const p = new Promise<Record<string, unknown>>((resolve) => waiters.push({ type, resolve }));
      return withTimeout(p, timeoutMs, `"${type}"`);
    },
    async stop(graceMs = 5_000) {
      if (exited) return;
      if (proc.connected) proc.disconnect();
      const t = setTimeout(() => proc.kill('SIGKILL'), graceMs);
      await exitedPromise;
      clearTimeout(t);
    },
  };
}
