// The embedded database (PGlite) on a thread of its own, so its queries never hold up the event
// loop that fans slide changes out to phones. Plain JavaScript on purpose: Node starts it as it
// is, whether the server runs compiled (dist/server.js), under tsx or under vitest.
//
// Protocol (db/pglite-remote.ts is the other end), one message per request, one reply per id:
//   { id, op: 'query', sql, params, rowMode, tx? }  → { id, result: { rows, fields, affectedRows } }
//   { id, op: 'begin' }                             → { id, tx } once a transaction holds the database
//   { id, op: 'end', tx, commit }                   → { id } after COMMIT (or ROLLBACK)
//   { id, op: 'close' }                             → { id } once closed
// A failure replies { id, error: { message, code, … } } with the Postgres error's fields.
//
// Run as a program instead (`node db/pglite-worker.mjs <dataDir>`), it creates the data folder and
// exits: initdb grows WebAssembly memory to several times what serving needs, and only a process
// that ends hands all of it back (a finished worker thread leaves much of it with the server).
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite, types } from '@electric-sql/pglite';

// drizzle reads these types as the text Postgres sent (its pglite session sets the same parsers)
const keepText = (value) => value;
const PARSERS = Object.fromEntries([types.TIMESTAMP, types.TIMESTAMPTZ, types.INTERVAL, types.DATE, 1231, 1115, 1185, 1187, 1182].map((oid) => [oid, keepText]));

// Postgres's default shared_buffers (128 MB) would be WebAssembly memory held for good; a talk's
// data is a few MB, and 16 MB takes about 120 MB off the server's memory at rest (docs/BENCHMARKS.md).
// PGlite writes the setting into the data folder's postgresql.conf.
const OPTIONS = { postgresqlconf: ['shared_buffers=16MB'] };
const creating = !parentPort;
const dataDir = creating ? process.argv[2] : workerData.dataDir;
const client = dataDir ? new PGlite(dataDir, OPTIONS) : new PGlite(OPTIONS);
const transactions = new Map();
let nextTx = 1;

function errorFields(err) {
  const fields = { message: err instanceof Error ? err.message : String(err) };
  for (const key of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'position']) {
    if (err && typeof err === 'object' && err[key] !== undefined) fields[key] = err[key];
  }
  return fields;
}

async function handle(message) {
  switch (message.op) {
    case 'query': {
      const target = message.tx === undefined ? client : transactions.get(message.tx)?.tx;
      if (!target) throw new Error(`transaction ${message.tx} is not open`);
      const result = await target.query(message.sql, message.params, { rowMode: message.rowMode, parsers: PARSERS });
      return { result: { rows: result.rows, fields: result.fields, affectedRows: result.affectedRows } };
    }
    case 'begin': {
      const id = nextTx++;
      const entry = {};
      transactions.set(id, entry);
      // PGlite runs one transaction at a time and queues other queries behind it, like one connection
      await new Promise((begun, failed) => {
        entry.done = client.transaction(
          (tx) =>
            new Promise((finish, abort) => {
              Object.assign(entry, { tx, finish, abort });
              begun();
            }),
        );
        // a failed BEGIN; later outcomes are read by 'end'
        entry.done.catch((err) => {
          transactions.delete(id);
          failed(err);
        });
      });
      return { tx: id };
    }
    case 'end': {
      const open = transactions.get(message.tx);
      if (!open) throw new Error(`transaction ${message.tx} is not open`);
      transactions.delete(message.tx);
      if (message.commit) open.finish();
      else open.abort(new Error('rolled back'));
      await open.done.catch((err) => {
        if (message.commit) throw err;
      });
      return {};
    }
    case 'close':
      await client.close();
      return {};
    default:
      throw new Error(`unknown op ${message.op}`);
  }
}

await client.waitReady;
if (creating) {
  await client.close();
  process.exit(0);
}
parentPort.on('message', (message) => {
  handle(message).then(
    (reply) => parentPort.postMessage({ id: message.id, ...reply }),
    (err) => parentPort.postMessage({ id: message.id, error: errorFields(err) }),
  );
});
parentPort.postMessage({ ready: true });
