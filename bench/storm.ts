/**
 * Join storm: N phones connecting at once (what a Wi-Fi hiccup in a hall does), until every one
 * can render: for Lectern that is when its `state` has arrived, for the reveal.js multiplex relay
 * when the socket is connected (it sends nothing on join). Both servers are up side by side, each
 * pinned to the server CPU, and stormed in turn (Lectern, multiplex, Lectern, …), so outside load
 * hits both alike: the ratio of the two is the result. Every storm uses fresh load processes and
 * fresh source addresses; all N handshakes are in flight together (`concurrency` = N per process).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoadGroup } from './lib/load-group.js';
import { audienceSpec, connectPresenter, startServer, writeDeck, type ServerProcess } from './lib/servers.js';

export interface StormSample {
  kind: 'lectern' | 'multiplex';
  sockets: number;
  joined: number;
  failed: number;
  errors: Record<string, number>;
  /** From the first connect to the last phone joined (ms). */
  ms: number;
  /** Server CPU time spent on the storm (ms). */
  cpuMs: number;
}

export interface StormOptions {
  sockets: number;
  repeats: number;
  processes: number;
  log: (line: string) => void;
}

async function storm(server: ServerProcess, kind: StormSample['kind'], multiplexId: string | undefined, o: StormOptions): Promise<StormSample> {
  const load = await LoadGroup.start(o.processes);
  try {
    const spec = { ...audienceSpec(server, 'raw', multiplexId), ...(kind === 'lectern' ? { until: 'state' } : {}), timeoutMs: 120_000 };
    // The probe's measured window (BENCH_CPU_PROF writes a profile of it): the storm alone.
    await server.resetLag();
    const cpu0 = await server.cpu();
    const r = await load.connect(o.sockets, spec, 300_000, undefined, Math.ceil(o.sockets / o.processes));
    const cpu1 = await server.cpu();
    await server.lag();
    const sample = { kind, sockets: o.sockets, joined: r.connected, failed: r.failed, errors: r.errors, ms: r.ms, cpuMs: cpu1.userMs + cpu1.systemMs - cpu0.userMs - cpu0.systemMs };
    o.log(`  storm ${kind} ×${o.sockets}: ${r.connected} joined in ${(r.ms / 1000).toFixed(1)} s, server CPU ${(sample.cpuMs / 1000).toFixed(1)} s${r.failed ? `, ${r.failed} failed ${JSON.stringify(r.errors)}` : ''}`);
    return sample;
  } finally {
    await load.stop();
    // Let the server finish the disconnects before the next storm.
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

export async function runStorm(o: StormOptions): Promise<StormSample[]> {
  // Lectern with a poll on screen, so `state` carries the active poll view as in a talk.
  const deck = await writeDeck({ slides: 3, polls: 1 });
  const dataDir = await mkdtemp(join(tmpdir(), 'lectern-bench-data-'));
  const lectern = await startServer('lectern', { deck: deck.deck, dataDir });
  const multiplex = await startServer('multiplex');
  const samples: StormSample[] = [];
  try {
    const presenter = await connectPresenter(lectern);
    const res = (await presenter.socket.emitWithAck('slide:goto', { index: 3 })) as { ok: boolean };
    if (!res.ok) throw new Error('could not put the poll on screen');
    const master = await connectPresenter(multiplex);
    for (let i = 0; i < o.repeats; i++) {
      samples.push(await storm(lectern, 'lectern', undefined, o));
      samples.push(await storm(multiplex, 'multiplex', master.multiplexId, o));
    }
    presenter.close();
    master.close();
  } finally {
    await lectern.stop();
    await multiplex.stop();
    await deck.cleanup();
    await rm(dataDir, { recursive: true, force: true });
  }
  return samples;
}
