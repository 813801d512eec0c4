/**
 * The servers under test, each in its own process pinned to the server CPU, and how a presenter
 * drives each of them. All four answer the same probe (bench/servers/probe.ts).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect, type MiniSocket } from './eio-client.js';
import type { SocketSpec } from './load-group.js';
import { cpus, startChild, type Child } from './proc.js';

/** The servers of a full run. */
export const SERVER_KINDS = ['bare', 'minimal', 'multiplex', 'lectern'] as const;
/**
 * `lectern-alt` is Lectern from another tree (BENCH_ALT_ROOT=/path/to/a/patched/copy), measured
 * beside the current one in the same step: `--servers=lectern,lectern-alt`.
 */
export type ServerKind = (typeof SERVER_KINDS)[number] | 'lectern-alt';
export const ALL_KINDS: readonly ServerKind[] = [...SERVER_KINDS, 'lectern-alt'];
export const isLectern = (kind: ServerKind) => kind === 'lectern' || kind === 'lectern-alt';

export const SERVER_LABELS: Record<ServerKind, string> = {
  bare: 'bare ws rebroadcast (floor)',
  minimal: 'minimal socket.io 4 relay',
  multiplex: 'reveal.js multiplex (socket.io 2.5)',
  lectern: 'Lectern',
  'lectern-alt': 'Lectern (BENCH_ALT_ROOT tree)',
};

const ENTRIES: Record<ServerKind, string> = {
  bare: 'servers/bare-ws.ts',
  minimal: 'servers/minimal-relay.ts',
  multiplex: 'servers/reveal-multiplex.ts',
  lectern: 'servers/lectern.ts',
  'lectern-alt': 'servers/lectern.ts',
};

export const PRESENTER_KEY = 'bench-presenter-key';
/** Signs the bench phones' voter cookies (the server is told the same secret). */
export const BENCH_VOTER_SECRET = 'bench-voter-secret-0123456789abcdef-012345';
export const TALK = 'bench';

export interface LecternOptions {
  deck: string;
  databaseUrl?: string;
  dataDir?: string;
}

export interface ServerProcess {
  kind: ServerKind;
  child: Child;
  url: string;
  /** Memory after a full GC (bytes). */
  memory(): Promise<{ heapUsed: number; rss: number; gc: boolean }>;
  resetLag(): Promise<void>;
  /** Event-loop lag since the last reset (ms). */
  lag(): Promise<{ p50: number; p99: number; max: number }>;
  cpu(): Promise<{ userMs: number; systemMs: number }>;
  /** Writes a heap snapshot (after GC) to `file`. */
  snapshot(file: string): Promise<unknown>;
  /** Stops the process; Lectern first closes cleanly (flushes queued votes, closes the database). */
  stop(): Promise<void>;
}

/** Starts a server of `kind` on 127.0.0.1 with --expose-gc, pinned to the server CPU. */
export async function startServer(kind: ServerKind, lectern?: LecternOptions): Promise<ServerProcess> {
  if (kind === 'lectern-alt' && !process.env.BENCH_ALT_ROOT) throw new Error('lectern-alt needs BENCH_ALT_ROOT=/path/to/another/tree');
  const env: Record<string, string | undefined> = isLectern(kind)
    ? {
        BENCH_DECK: lectern?.deck,
        BENCH_DATABASE_URL: lectern?.databaseUrl,
        BENCH_DATA_DIR: lectern?.dataDir,
        BENCH_PRESENTER_KEY: PRESENTER_KEY,
        BENCH_VOTER_SECRET,
        ...(kind === 'lectern-alt' ? { BENCH_LECTERN_ROOT: process.env.BENCH_ALT_ROOT } : {}),
      }
    : {};
  // BENCH_CPU_PROF=dir: the probe writes a CPU profile of each measured window there.
  // BENCH_LECTERN_NODE_ARGS="--max-semi-space-size=32": V8 flags for the Lectern servers only.
  const extra = isLectern(kind) ? (process.env.BENCH_LECTERN_NODE_ARGS ?? '').split(' ').filter(Boolean) : [];
  const child = startChild(ENTRIES[kind], { cpuList: cpus.server, env: { ...env, BENCH_SERVER_KIND: kind }, nodeArgs: ['--expose-gc', ...extra] });
  const ready = await child.waitFor<{ port: number }>('ready', 60_000);
  return {
    kind,
    child,
    url: `http://127.0.0.1:${ready.port}`,
    memory: () => child.request({ type: 'mem' }),
    resetLag: async () => void (await child.request({ type: 'lag:reset' })),
    lag: () => child.request({ type: 'lag' }),
    cpu: () => child.request({ type: 'cpu' }),
    snapshot: (file: string) => child.request({ type: 'snapshot', file }, 300_000),
    async stop() {
      if (isLectern(kind) && !child.exited) {
        const closed = child.waitFor('closed', 60_000).catch(() => undefined);
        child.proc.send({ type: 'close' });
        await closed;
      }
      await child.stop();
    },
  };
}

/** What an audience socket of this server connects with, and which event carries the slide. */
export function audienceSpec(server: ServerProcess, client: 'raw' | 'sio', multiplexId?: string): SocketSpec {
  switch (server.kind) {
    case 'bare':
      return { url: server.url, protocol: 'bare', client: 'raw', event: 'slide:changed', indexPath: 'index' };
    case 'minimal':
      return { url: server.url, protocol: 'eio4', client, event: 'slide:changed', indexPath: 'index' };
    case 'multiplex':
      return { url: server.url, protocol: 'eio3', client: 'raw', event: multiplexId!, indexPath: 'state.indexh' };
    case 'lectern':
    case 'lectern-alt':
      return { url: server.url, protocol: 'eio4', client, auth: { talk: TALK }, voterPrefix: `bench-${randomBytes(4).toString('hex')}-`, event: 'slide:changed', indexPath: 'index' };
  }
}

/** The presenter of one server: `change(k)` sends "go to slide k" and returns the send time (ns). */
export interface Presenter {
  /** For multiplex: the event name audience sockets listen to. */
  multiplexId?: string;
  change(index: number): number;
  /** Commands the server refused or never acknowledged (servers that acknowledge). */
  failures(): Promise<number>;
  socket: MiniSocket;
  close(): void;
}

/** Connects the presenter from 127.0.0.1, as each server expects it. */
export async function connectPresenter(server: ServerProcess): Promise<Presenter> {
  const acks: Promise<unknown>[] = [];
  const failures = async () => {
    const settled = await Promise.race([Promise.all(acks), new Promise<null>((r) => setTimeout(() => r(null), 30_000))]);
    if (settled === null) return acks.length;
    return settled.filter((r) => !(r as { ok?: boolean })?.ok).length;
  };
  if (server.kind === 'bare') {
    const socket = await connect({ url: server.url, protocol: 'bare', query: { presenter: '1' } });
    return {
      socket,
      failures: async () => 0,
      close: () => socket.close(),
      change(index) {
        const at = Number(process.hrtime.bigint());
        socket.sendRaw(`42${JSON.stringify(['slide:changed', { index, at: Date.now() }])}`);
        return at;
      },
    };
  }
  if (server.kind === 'multiplex') {
    const { secret, socketId } = (await (await fetch(`${server.url}/token`)).json()) as { secret: string; socketId: string };
    const socket = await connect({ url: server.url, protocol: 'eio3' });
    return {
      socket,
      multiplexId: socketId,
      failures: async () => 0,
      close: () => socket.close(),
      change(index) {
        const at = Number(process.hrtime.bigint());
        // What reveal.js multiplex's master.js posts: Reveal.getState(), the secret and the id.
        socket.emit('multiplex-statechanged', { state: { indexh: index, indexv: 0, paused: false, overview: false }, secret, socketId });
        return at;
      },
    };
  }
  const socket = await connect({
    url: server.url,
    protocol: 'eio4',
    auth: isLectern(server.kind) ? { talk: TALK, key: PRESENTER_KEY } : { role: 'presenter' },
  });
  return {
    socket,
    failures,
    close: () => socket.close(),
    change(index) {
      const at = Number(process.hrtime.bigint());
      acks.push(socket.emitWithAck('slide:goto', { index }));
      return at;
    },
  };
}

/** A temp folder with a generated deck: `slides` plain slides, or poll slides `q1…qN` after a title. */
export async function writeDeck(opts: { slides?: number; polls?: number }): Promise<{ dir: string; deck: string; polls: string[]; options: string[]; cleanup(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'lectern-bench-'));
  const options = ['DNS', 'Disks', 'Updates', 'Power'];
  const polls = Array.from({ length: opts.polls ?? 0 }, (_, i) => `q${i + 1}`);
  const slides = ['# Benchmark\n\nA generated deck.'];
  for (let i = 1; i < (opts.slides ?? 0); i++) slides.push(`# Slide ${i}\n\nSome text for slide ${i}, as a phone would show it.`);
  // BENCH_POLL_RESULTS=hidden: no live results to phones (to see what those broadcasts cost).
  const results = process.env.BENCH_POLL_RESULTS === 'hidden' ? '\nresults: hidden' : '';
  for (const id of polls) slides.push(`# Poll ${id}\n\n\`\`\`poll\nid: ${id}\nquestion: What breaks first (${id})?\noptions: [${options.join(', ')}]${results}\n\`\`\``);
  const deck = join(dir, 'bench.md');
  await writeFile(deck, `---\ntitle: Benchmark\nslug: ${TALK}\n---\n\n${slides.join('\n\n---\n\n')}\n`);
  return { dir, deck, polls, options, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
