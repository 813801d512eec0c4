/** A set of load processes (bench/load/audience.ts) holding N sockets between them. */
import type { ConnectRequest, VotesRequest } from '../load/audience.js';
import { PER_ADDRESS, takeAddresses } from './addresses.js';
import { cpus, startChild, type Child } from './proc.js';
import { split } from './stats.js';

export interface ConnectResult {
  connected: number;
  failed: number;
  errors: Record<string, number>;
  ms: number;
}

export interface ReceiptsResult {
  /** Worst load process's event-loop lag p99 (ms) over the window. */
  loopLagP99: number;
  latencies: number[];
  missing: number;
  dropped: number;
  sockets: number;
}

export interface VotesResult {
  loopLagP99: number;
  /** Other events the voters received (live results). */
  otherEvents: number;
  sent: number;
  ok: number;
  acked: number;
  unacked: number;
  errors: Record<string, number>;
  latencies: number[];
  lags: number[];
  drainMs: number;
  dropped: number;
}

export type SocketSpec = Omit<ConnectRequest, 'type' | 'count' | 'addresses' | 'perAddress' | 'firstIndex' | 'stride' | 'concurrency'>;

export class LoadGroup {
  private constructor(private readonly workers: Child[]) {}

  /** Starts `processes` load processes on the load CPUs. */
  static async start(processes: number): Promise<LoadGroup> {
    const workers = Array.from({ length: processes }, () => startChild('load/audience.ts', { cpuList: cpus.load }));
    await Promise.all(workers.map((w) => w.waitFor('ready', 30_000)));
    return new LoadGroup(workers);
  }

  get size() {
    return this.workers.length;
  }

  /**
   * Opens `count` sockets spread over the processes; socket j of process w gets global index
   * w + j * processes (so voter ids are unique and votes can be routed by index).
   */
  async connect(count: number, spec: SocketSpec, timeoutMs: number, perAddress = PER_ADDRESS, concurrency = 64): Promise<ConnectResult> {
    const shares = split(count, this.workers.length);
    const results = await Promise.all(
      this.workers.map((w, i) => {
        const share = shares[i]!;
        const req: ConnectRequest = {
          type: 'connect',
          ...spec,
          count: share,
          addresses: takeAddresses(Math.max(1, Math.ceil(share / perAddress))),
          perAddress,
          firstIndex: i,
          stride: this.workers.length,
          concurrency,
        };
        return w.request<ConnectResult>({ ...req }, timeoutMs);
      }),
    );
    const errors: Record<string, number> = {};
    for (const r of results) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
    return {
      connected: results.reduce((a, r) => a + r.connected, 0),
      failed: results.reduce((a, r) => a + r.failed, 0),
      errors,
      ms: Math.max(...results.map((r) => r.ms)),
    };
  }

  /** Starts recording slide changes afresh. */
  async measure() {
    await Promise.all(this.workers.map((w) => w.request({ type: 'measure' })));
  }

  /** Latencies (ms) of every receipt against the presenter's send times, plus what went missing. */
  async receipts(sendTimes: Record<string, number>): Promise<ReceiptsResult> {
    const parts = await Promise.all(this.workers.map((w) => w.request<ReceiptsResult>({ type: 'receipts', sendTimes }, 120_000)));
    return {
      latencies: parts.flatMap((p) => p.latencies),
      missing: parts.reduce((a, p) => a + p.missing, 0),
      dropped: parts.reduce((a, p) => a + p.dropped, 0),
      sockets: parts.reduce((a, p) => a + p.sockets, 0),
      loopLagP99: Math.max(...parts.map((p) => p.loopLagP99)),
    };
  }

  /** Runs the open-loop vote schedule in every process and merges what they saw. */
  async votes(req: Omit<VotesRequest, 'type' | 'worker' | 'workers'>): Promise<VotesResult> {
    const timeout = req.durationMs + req.ackTimeoutMs + 60_000;
    const parts = await Promise.all(
      this.workers.map((w, i) => w.request<VotesResult>({ type: 'votes', ...req, worker: i, workers: this.workers.length }, timeout)),
    );
    const errors: Record<string, number> = {};
    for (const p of parts) for (const [k, v] of Object.entries(p.errors)) errors[k] = (errors[k] ?? 0) + v;
    const sum = (f: (p: VotesResult) => number) => parts.reduce((a, p) => a + f(p), 0);
    return {
      sent: sum((p) => p.sent),
      ok: sum((p) => p.ok),
      acked: sum((p) => p.acked),
      unacked: sum((p) => p.unacked),
      errors,
      latencies: parts.flatMap((p) => p.latencies),
      lags: parts.flatMap((p) => p.lags),
      drainMs: Math.max(...parts.map((p) => p.drainMs)),
      dropped: sum((p) => p.dropped),
      loopLagP99: Math.max(...parts.map((p) => p.loopLagP99)),
      otherEvents: sum((p) => p.otherEvents),
    };
  }

  /** Closes every socket, then ends the processes. */
  async stop() {
    await Promise.all(this.workers.map((w) => (w.exited ? undefined : w.request({ type: 'close' }, 30_000).catch(() => undefined))));
    await Promise.all(this.workers.map((w) => w.stop()));
  }
}
