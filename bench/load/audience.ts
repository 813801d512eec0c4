/**
 * A load process: holds a share of the audience sockets, timestamps every slide change it receives
 * (process.hrtime.bigint(), the same monotonic clock the presenter uses), and casts scheduled votes.
 * The orchestrator drives it over IPC; see the message types below.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { io as ioClient } from 'socket.io-client';
import { connect, type MiniSocket, type Protocol } from '../lib/eio-client.js';
import { BENCH_VOTER_SECRET } from '../lib/servers.js';
import { signVoterId, VOTER_COOKIE } from '../../server/auth/voter-cookie.js';

export interface ConnectRequest {
  type: 'connect';
  url: string;
  protocol: Protocol;
  /** `raw`: our minimal client; `sio`: socket.io-client 4 (to check the minimal one against). */
  client: 'raw' | 'sio';
  count: number;
  /** Source addresses, `perAddress` sockets each, in order. */
  addresses: string[];
  perAddress: number;
  /** Handshake auth; `voter` gets a unique id per socket when `voterPrefix` is set. */
  auth?: Record<string, unknown>;
  voterPrefix?: string;
  /** First global index of this process's sockets and the stride between them (voter ids). */
  firstIndex: number;
  stride: number;
  /** The event that carries a slide change and where its index is in the payload. */
  event: string;
  indexPath: 'index' | 'state.indexh';
  concurrency: number;
  /** A socket counts as joined only once this event arrived too (Lectern: `state`). */
  until?: string;
  /** Handshake timeout per socket (ms; default 20 s). */
  timeoutMs?: number;
}

export interface VotesRequest {
  type: 'votes';
  /** Votes per second across all load processes. */
  rate: number;
  durationMs: number;
  /** Votes are numbered globally; this process sends those with i % workers === worker. */
  worker: number;
  workers: number;
  /** Voters across all processes (each process holds voters worker, worker + workers, …). */
  voters: number;
  polls: string[];
  options: string[];
  /** process.hrtime.bigint() (ns, as a number) of vote 0's scheduled send. */
  startAt: number;
  ackTimeoutMs: number;
}

type Request =
  | (ConnectRequest & { id: number })
  | (VotesRequest & { id: number })
  | { type: 'measure'; id: number }
  | { type: 'receipts'; id: number; sendTimes: Record<string, number> }
  | { type: 'close'; id: number };

const now = () => Number(process.hrtime.bigint());
// The load process's own event-loop lag: when it is high, latencies measure the generator, not the server.
const LAG_RESOLUTION_MS = 5;
const loopLag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
loopLag.enable();
const lagP99 = () => Math.max(0, loopLag.percentile(99) / 1e6 - LAG_RESOLUTION_MS);
const round2 = (x: number) => Math.round(x * 100) / 100;

interface Held {
  emitWithAck(name: string, arg: unknown): Promise<unknown>;
  close(): void;
}

let sockets: Held[] = [];
let measuring = false;
/** Set once the orchestrator closes the sockets: any close before that is a drop. */
let closing = false;
let dropped = 0;
const receipts = new Map<number, number[]>();
const otherEvents = { count: 0 };
let event = 'slide:changed';
let indexPath: ConnectRequest['indexPath'] = 'index';

function onEvent(name: string, arg: unknown, at: number) {
  if (!measuring) return;
  if (name !== event) {
    otherEvents.count++;
    return;
  }
  const index = indexPath === 'index' ? (arg as { index: number }).index : (arg as { state: { indexh: number } }).state.indexh;
  let list = receipts.get(index);
  if (!list) receipts.set(index, (list = []));
  list.push(at);
}

function onClose() {
  if (!closing) dropped++;
}

async function openOne(req: ConnectRequest, i: number): Promise<Held> {
  const localAddress = req.addresses[Math.floor(i / req.perAddress)];
  const global = req.firstIndex + i * req.stride;
  const voter = req.voterPrefix ? `${req.voterPrefix}${String(global).padStart(8, '0')}` : undefined;
  const auth = voter ? { ...req.auth, voter } : req.auth;
  // Lectern takes the voter from its signed cookie; the bench server signs with BENCH_VOTER_SECRET
  const headers = voter ? { cookie: `${VOTER_COOKIE}=${signVoterId(BENCH_VOTER_SECRET, voter)}` } : undefined;
  if (req.client === 'sio') {
    const s = ioClient(req.url, { transports: ['websocket'], forceNew: true, reconnection: false, auth, localAddress, ...(headers ? { extraHeaders: headers } : {}) } as Parameters<typeof ioClient>[1]);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', (err) => reject(err));
    });
    s.onAny((name: string, arg: unknown) => onEvent(name, arg, now()));
    s.on('disconnect', onClose);
    return { emitWithAck: (name, arg) => s.emitWithAck(name, arg), close: () => s.disconnect() };
  }
  const s: MiniSocket = await connect({ url: req.url, protocol: req.protocol, auth, localAddress, ...(headers ? { headers } : {}), ...(req.until ? { until: req.until } : {}), ...(req.timeoutMs ? { timeoutMs: req.timeoutMs } : {}) });
  s.onEvent = onEvent;
  s.onClose = onClose;
  return s;
}

async function connectAll(req: ConnectRequest) {
  event = req.event;
  indexPath = req.indexPath;
  const started = Date.now();
  const errors = new Map<string, number>();
  const opened: (Held | undefined)[] = new Array(req.count);
  let next = 0;
  async function lane() {
    while (next < req.count) {
      const i = next++;
      try {
        opened[i] = await openOne(req, i);
      } catch (err) {
        const key = (err as Error).message.slice(0, 120);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(req.concurrency, req.count) }, lane));
  sockets = opened.filter((s): s is Held => s !== undefined);
  measuring = true;
  return { connected: sockets.length, failed: req.count - sockets.length, errors: Object.fromEntries(errors), ms: Date.now() - started };
}

function collect(sendTimes: Record<string, number>) {
  const latencies: number[] = [];
  let missing = 0;
  for (const [key, sentAt] of Object.entries(sendTimes)) {
    const list = receipts.get(Number(key)) ?? [];
    for (const at of list) latencies.push(round2((at - sentAt) / 1e6));
    missing += Math.max(0, sockets.length - list.length);
  }
  return { latencies, missing, dropped, sockets: sockets.length, otherEvents: otherEvents.count, loopLagP99: lagP99() };
}

async function castVotes(req: VotesRequest) {
  const total = Math.floor((req.rate * req.durationMs) / 1000);
  const intervalNs = 1e9 / req.rate;
  const latencies: number[] = [];
  const lags: number[] = [];
  const errors: Record<string, number> = {};
  let sent = 0;
  let ok = 0;
  let acked = 0;
  let i = req.worker;
  const inflight: Promise<void>[] = [];
  loopLag.reset();
  otherEvents.count = 0;

  await new Promise<void>((resolve) => {
    const tick = () => {
      const t = now();
      while (i < total && req.startAt + i * intervalNs <= t) {
        const voter = i % req.voters;
        const socket = sockets[Math.floor(voter / req.workers)];
        const poll = req.polls[Math.floor(i / req.voters)];
        const answer = req.options[i % req.options.length];
        const scheduled = req.startAt + i * intervalNs;
        i += req.workers;
        if (!socket || poll === undefined) {
          errors.no_socket = (errors.no_socket ?? 0) + 1;
          continue;
        }
        const sentAt = now();
        lags.push(round2((sentAt - scheduled) / 1e6));
        sent++;
        inflight.push(
          socket.emitWithAck('vote:cast', { poll, answer }).then((res) => {
            acked++;
            latencies.push(round2((now() - sentAt) / 1e6));
            const r = res as { ok: boolean; error?: { code: string } };
            if (r?.ok) ok++;
            else errors[r?.error?.code ?? 'malformed_ack'] = (errors[r?.error?.code ?? 'malformed_ack'] ?? 0) + 1;
          }),
        );
      }
      if (i >= total) resolve();
      else setTimeout(tick, 1);
    };
    const wait = Math.max(0, (req.startAt - now()) / 1e6);
    setTimeout(tick, wait);
  });
  const lastSend = now();
  await Promise.race([Promise.all(inflight), new Promise((r) => setTimeout(r, req.ackTimeoutMs))]);
  return { sent, ok, acked, unacked: sent - acked, errors, latencies, lags, drainMs: (now() - lastSend) / 1e6, dropped, loopLagP99: lagP99(), otherEvents: otherEvents.count };
}

process.on('message', async (msg: Request) => {
  const reply = (data: Record<string, unknown>) => process.send?.({ id: msg.id, ...data });
  try {
    if (msg.type === 'connect') reply(await connectAll(msg));
    else if (msg.type === 'measure') {
      receipts.clear();
      loopLag.reset();
      otherEvents.count = 0;
      reply({});
    } else if (msg.type === 'receipts') reply(collect(msg.sendTimes));
    else if (msg.type === 'votes') reply(await castVotes(msg));
    else if (msg.type === 'close') {
      measuring = false;
      closing = true;
      sockets.forEach((s) => s.close());
      sockets = [];
      reply({});
    }
  } catch (err) {
    reply({ error: String((err as Error)?.stack ?? err) });
  }
});
process.on('disconnect', () => process.exit(0));
process.send?.({ type: 'ready' });
