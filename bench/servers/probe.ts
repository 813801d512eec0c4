/**
 * What every benchmarked server process answers over its IPC channel, so the orchestrator can read
 * the same numbers from Lectern, the minimal relay, the multiplex peer and the bare `ws` floor:
 * memory after a full GC, event-loop lag over a window, and CPU time.
 */
import { writeFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface ProbeRequest {
  id: number;
  type: 'mem' | 'lag:reset' | 'lag' | 'cpu' | 'snapshot';
  /** snapshot: where to write it. */
  file?: string;
}

const RESOLUTION_MS = 5;

/**
 * With BENCH_CPU_PROF=dir, a V8 CPU profile of each measured window (from `lag:reset` to `lag`)
 * is written there, so startup and connecting do not drown what a slide change or a vote costs.
 */
function windowProfiler() {
  const dir = process.env.BENCH_CPU_PROF ?? process.env.BENCH_HEAP_PROF;
  if (!dir) return { start: async () => {}, stop: async () => {} };
  // BENCH_HEAP_PROF=dir: a sampling heap profile (allocations by function) instead of CPU time.
  const heap = !process.env.BENCH_CPU_PROF;
  const session = new Session();
  session.connect();
  const post = (method: string, params?: object) =>
    new Promise<unknown>((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  let n = 0;
  let running = false;
  return {
    async start() {
      if (heap) {
        // Every sample kept, collected or not: what the window allocated, i.e. the GC's work.
        await post('HeapProfiler.enable');
        await post('HeapProfiler.startSampling', { samplingInterval: 16_384, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
      } else {
        await post('Profiler.enable');
        await post('Profiler.setSamplingInterval', { interval: 200 });
        await post('Profiler.start');
      }
      running = true;
    },
    async stop() {
      if (!running) return;
      running = false;
      const { profile } = (await post(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop')) as { profile: unknown };
      const ext = heap ? 'heapprofile' : 'cpuprofile';
      writeFileSync(join(dir, `${process.env.BENCH_SERVER_KIND ?? 'server'}-${process.pid}-${++n}.${ext}`), JSON.stringify(profile));
    },
  };
}

/** Tells the parent `{ type: 'ready', port }` and answers probe requests until the parent leaves. */
export function serveProbe(port: number, extra: Record<string, unknown> = {}) {
  const lag = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  lag.enable();
  const profiler = windowProfiler();
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', (msg: ProbeRequest) => {
    const reply = (data: Record<string, unknown>) => process.send?.({ id: msg.id, ...data });
    if (msg.type === 'mem') {
      // Twice: the first pass can leave garbage that finalizers of the first made unreachable.
      gc?.();
      gc?.();
      const m = process.memoryUsage();
      reply({ heapUsed: m.heapUsed, rss: m.rss, external: m.external, gc: Boolean(gc) });
    } else if (msg.type === 'lag:reset') {
      lag.reset();
      void profiler.start().then(() => reply({}));
    } else if (msg.type === 'lag') {
      void profiler.stop();
      // The histogram records tick-to-tick intervals; lag is what exceeds the timer's resolution.
      const ms = (ns: number) => Math.max(0, ns / 1e6 - RESOLUTION_MS);
      reply({ p50: ms(lag.percentile(50)), p99: ms(lag.percentile(99)), max: ms(lag.max) });
    } else if (msg.type === 'snapshot' && msg.file) {
      gc?.();
      reply({ file: writeHeapSnapshot(msg.file) });
    } else if (msg.type === 'cpu') {
      const c = process.cpuUsage();
      reply({ userMs: c.user / 1000, systemMs: c.system / 1000 });
    }
  });
  process.on('disconnect', () => process.exit(0));
  process.send?.({ type: 'ready', port, ...extra });
}
