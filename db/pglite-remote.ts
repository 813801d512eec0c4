/**
 * The main thread's end of the embedded database's worker (db/pglite-worker.mjs): an object with
 * the part of PGlite's interface drizzle's pglite driver uses (`query`, `transaction`), each call
 * a message to the worker. The event loop only posts and receives messages; parsing SQL,
 * executing it and writing pages happen on the worker's thread.
 */
import { execFile } from 'node:child_process';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

/** Where the worker's script is: written from the package root's side (`../db/`), so it holds here and in dist/server.js alike. */
const WORKER_SCRIPT = fileURLToPath(new URL('../db/pglite-worker.mjs', import.meta.url));

interface QueryOptions {
  rowMode?: 'array' | 'object';
}

interface QueryResult {
  rows: unknown[];
  fields: { name: string; dataTypeID: number }[];
  affectedRows?: number;
}

/** A query target: the database, or one open transaction on it. */
export interface RemoteQueryable {
  query(sql: string, params?: unknown[], options?: QueryOptions): Promise<QueryResult>;
}

export interface RemotePglite extends RemoteQueryable {
  transaction<T>(fn: (tx: RemoteQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

type Reply = { id: number; error?: Record<string, unknown> & { message: string }; result?: QueryResult; tx?: number };

/** An Error carrying the Postgres fields (code, constraint …) the worker sent, as PGlite's own would. */
function rebuildError(fields: Record<string, unknown> & { message: string }): Error {
  return Object.assign(new Error(fields.message), fields);
}

/**
 * Creates a new data folder at `dataDir` in a child process that exits once done, so the memory
 * creating a database takes (several times what serving it needs) leaves with that process.
 */
export function createPgliteDataDir(dataDir: string): Promise<void> {
  return new Promise((done, failed) => {
    execFile(process.execPath, [WORKER_SCRIPT, dataDir], { timeout: 120_000 }, (err, _stdout, stderr) =>
      err ? failed(new Error(`could not create the database in ${dataDir}: ${stderr.trim() || err.message}`)) : done(),
    );
  });
}

/**
 * Starts a worker that opens the database at `dataDir` (in memory when absent) and resolves once
 * it is ready. `onExit` hears if the worker dies unasked (then every pending and later call fails).
 */
export async function startPgliteWorker(dataDir: string | undefined, onExit?: (error: Error) => void): Promise<RemotePglite> {
  const worker = new Worker(WORKER_SCRIPT, { workerData: { dataDir } });
  const pending = new Map<number, { resolve: (reply: Reply) => void; reject: (err: Error) => void }>();
  let nextId = 1;
  let dead: Error | undefined;
  let closing = false;

  await new Promise<void>((ready, failed) => {
    const early = (err: Error) => failed(err);
    worker.once('error', early);
    worker.once('exit', (code) => failed(new Error(`the database worker exited (${code}) before it was ready`)));
    worker.once('message', (message: { ready?: boolean }) => {
      if (!message.ready) return;
      worker.off('error', early);
      worker.removeAllListeners('exit');
      ready();
    });
  });

  const fail = (error: Error) => {
    dead ??= error;
    for (const { reject } of pending.values()) reject(dead);
    pending.clear();
  };
  worker.on('message', (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.error) waiting.reject(rebuildError(reply.error));
    else waiting.resolve(reply);
  });
  worker.on('error', (err) => fail(err));
  worker.on('exit', (code) => {
    const error = new Error(`the database worker stopped (exit ${code})`);
    fail(error);
    if (!closing) onExit?.(error);
  });

  const send = (message: Record<string, unknown>): Promise<Reply> => {
    if (dead) return Promise.reject(dead);
    const id = nextId++;
    return new Promise<Reply>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  };
  const queryOn = (tx: number | undefined): RemoteQueryable['query'] => async (sql, params = [], options = {}) =>
    (await send({ op: 'query', sql, params, rowMode: options.rowMode ?? 'object', ...(tx === undefined ? {} : { tx }) })).result!;

  return {
    query: queryOn(undefined),
    async transaction(fn) {
      const { tx } = await send({ op: 'begin' });
      let result;
      try {
        result = await fn({ query: queryOn(tx) });
      } catch (err) {
        await send({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw err;
      }
      await send({ op: 'end', tx, commit: true });
      return result;
    },
    async close() {
      if (dead || closing) return;
      closing = true;
      await send({ op: 'close' }).catch(() => undefined);
      // what was still asked for (a results read racing the shutdown) hears why, not "exit 1"
      dead = new Error('the database is closed');
      await worker.terminate();
    },
  };
}
