/**
 * Fan-out: N audience sockets on one server process; the presenter changes slide `changes` times,
 * every `intervalMs`; each receipt's latency is (audience receive − presenter send) on the one
 * system-wide monotonic clock. Also memory per socket (after GC, slope from 0 to N), the server's
 * event-loop lag and CPU time over the changes.
 *
 * Several servers can also run in one step, interleaved (--interleave): all are up at once, each
 * with its own N sockets and load processes, and the presenter changes slide on each in turn,
 * offset by intervalMs / servers. Outside noise then hits all of them alike, but they share the
 * server core, so this only holds while their summed work per interval fits in it (1k–5k here).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoadGroup, type ReceiptsResult } from './lib/load-group.js';
import { audienceSpec, connectPresenter, isLectern, startServer, writeDeck, type Presenter, type ServerKind, type ServerProcess } from './lib/servers.js';
import { summarize, type Summary } from './lib/stats.js';

export interface FanoutOptions {
  /** The servers measured together, each with the audience client that drives it. */
  targets: { kind: ServerKind; client: 'raw' | 'sio' }[];
  sockets: number;
  changes: number;
  intervalMs: number;
  /** Load processes per server. */
  processes: number;
  log: (line: string) => void;
}

export interface FanoutResult {
  kind: ServerKind;
  client: 'raw' | 'sio';
  sockets: number;
  /** Servers measured together in this step (interleaved). */
  together: number;
  connected: number;
  failed: number;
  connectErrors: Record<string, number>;
  connectMs: number;
  dropped: number;
  /** Receipts that never arrived (a socket that missed a slide change). */
  missing: number;
  presenterFailures: number;
  latency: Summary;
  lag: { p50: number; p99: number; max: number };
  /** Worst load process's event-loop lag p99 (ms): the generator's own delay. */
  loadLagP99: number;
  /** Server CPU time per slide change (ms). */
  cpuPerChangeMs: number;
  heapPerSocket: number;
  rssPerSocket: number;
  gc: boolean;
}

interface Target {
  kind: ServerKind;
  /** `sio` drives the audience with socket.io-client instead of the minimal client (the check). */
  client: 'raw' | 'sio';
  server: ServerProcess;
  presenter: Presenter;
  load: LoadGroup;
  cleanup: () => Promise<void>;
}

async function startTarget(kind: ServerKind, client: 'raw' | 'sio', changes: number, processes: number): Promise<Target> {
  const deck = isLectern(kind) ? await writeDeck({ slides: changes + 2 }) : undefined;
  const dataDir = isLectern(kind) ? await mkdtemp(join(tmpdir(), 'lectern-bench-data-')) : undefined;
  const server = await startServer(kind, deck ? { deck: deck.deck, dataDir } : undefined);
  const presenter = await connectPresenter(server);
  const load = await LoadGroup.start(processes);
  return {
    kind,
    client,
    server,
    presenter,
    load,
    async cleanup() {
      presenter.close();
      await load.stop();
      await server.stop();
      await deck?.cleanup();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** One step: fresh server processes, fresh load processes, fresh source addresses. */
export async function runFanout(o: FanoutOptions): Promise<FanoutResult[]> {
  const targets: Target[] = [];
  try {
    for (const { kind, client } of o.targets) targets.push(await startTarget(kind, client, o.changes, o.processes));
    const mem0 = await Promise.all(targets.map((t) => t.server.memory()));
    // BENCH_HEAP_SNAPSHOT=dir: heap snapshots at 0 and N sockets, for bench/tools/heap-diff.ts.
    const snapshots = process.env.BENCH_HEAP_SNAPSHOT;
    const snap = (at: string) =>
      snapshots ? Promise.all(targets.map((t) => t.server.snapshot(join(snapshots, `${t.kind}-${t.client}-${o.sockets}-${at}.heapsnapshot`)))) : undefined;
    await snap('0');
    const conns = await Promise.all(targets.map((t) => t.load.connect(o.sockets, audienceSpec(t.server, t.client, t.presenter.multiplexId), 240_000)));
    targets.forEach((t, i) => {
      const c = conns[i]!;
      o.log(`  ${t.kind} ×${o.sockets}${t.client === 'sio' ? ' (socket.io-client)' : ''}: ${c.connected} connected in ${(c.ms / 1000).toFixed(1)} s${c.failed ? `, ${c.failed} failed ${JSON.stringify(c.errors)}` : ''}`);
    });
    await new Promise((r) => setTimeout(r, 2_000)); // let connect-time work (state, audience counts) settle
    const memN = await Promise.all(targets.map((t) => t.server.memory()));
    await snap('n');

    await Promise.all(targets.map((t) => t.load.measure()));
    await Promise.all(targets.map((t) => t.server.resetLag()));
    const cpu0 = await Promise.all(targets.map((t) => t.server.cpu()));
    const sendTimes = targets.map(() => ({}) as Record<string, number>);
    const offset = o.intervalMs / targets.length;
    const t0 = performance.now();
    for (let k = 1; k <= o.changes; k++) {
      for (let i = 0; i < targets.length; i++) {
        const wait = t0 + (k - 1) * o.intervalMs + i * offset - performance.now();
        if (wait > 0) await new Promise((r) => setTimeout(r, wait));
        sendTimes[i]![k] = targets[i]!.presenter.change(k);
      }
    }
    await new Promise((r) => setTimeout(r, Math.max(2_000, o.intervalMs)));
    const failures = await Promise.all(targets.map((t) => t.presenter.failures()));
    const cpu1 = await Promise.all(targets.map((t) => t.server.cpu()));
    const lags = await Promise.all(targets.map((t) => t.server.lag()));
    const receipts: ReceiptsResult[] = [];
    for (let i = 0; i < targets.length; i++) receipts.push(await targets[i]!.load.receipts(sendTimes[i]!));

    return targets.map((t, i) => {
      const conn = conns[i]!;
      const r = receipts[i]!;
      const connected = Math.max(1, conn.connected);
      return {
        kind: t.kind,
        client: t.client,
        sockets: o.sockets,
        together: targets.length,
        connected: conn.connected,
        failed: conn.failed,
        connectErrors: conn.errors,
        connectMs: conn.ms,
        dropped: r.dropped,
        missing: r.missing,
        presenterFailures: failures[i]!,
        latency: summarize(r.latencies),
        lag: lags[i]!,
        loadLagP99: r.loopLagP99,
        cpuPerChangeMs: (cpu1[i]!.userMs + cpu1[i]!.systemMs - cpu0[i]!.userMs - cpu0[i]!.systemMs) / o.changes,
        heapPerSocket: (memN[i]!.heapUsed - mem0[i]!.heapUsed) / connected,
        rssPerSocket: (memN[i]!.rss - mem0[i]!.rss) / connected,
        gc: memN[i]!.gc,
      };
    });
  } finally {
    for (const t of targets) await t.cleanup().catch(() => undefined);
  }
}
