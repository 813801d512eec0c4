/**
 * Durable votes: open-loop arrivals at a fixed rate (vote i is due at start + i / rate, whether or
 * not earlier ones were acknowledged), every vote a distinct (poll, voter) pair, so after the run
 * the stored rows must equal the acknowledged votes exactly. Stored rows are counted straight from
 * the database after the server has stopped.
 *
 * `voters` sockets each vote on poll q1, then q2, …: all polls are opened by the presenter walking
 * through the deck first (they stay open, `close: manual`), and at any moment nearly all votes go
 * to one poll — as in a talk, where one question is on screen.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { LoadGroup } from './lib/load-group.js';
import { countStoredPostgres, createBenchDatabase } from './lib/postgres.js';
import { audienceSpec, connectPresenter, startServer, writeDeck } from './lib/servers.js';
import { summarize, type Summary } from './lib/stats.js';

/** Voter sockets per source address: at 20k votes/s over 5k voters, 400 votes/s per address. */
const VOTERS_PER_ADDRESS = 100;

export type Driver = 'postgres' | 'pglite';

export interface VotesOptions {
  driver: Driver;
  rate: number;
  durationMs: number;
  voters: number;
  processes: number;
  /** `lectern-alt` to measure the BENCH_ALT_ROOT tree. */
  kind?: 'lectern' | 'lectern-alt';
  /** How long to wait for acknowledgements after the last send. */
  ackTimeoutMs: number;
  log: (line: string) => void;
}

export interface VotesBenchResult {
  driver: Driver;
  rate: number;
  durationMs: number;
  voters: number;
  connected: number;
  sent: number;
  ok: number;
  stored: number;
  unacked: number;
  errors: Record<string, number>;
  dropped: number;
  latency: Summary;
  /** How late the load processes sent votes against the schedule (ms). */
  sendLag: Summary;
  /** Acknowledged votes per second, from the first scheduled send to the last acknowledgement. */
  ackedPerSecond: number;
  lag: { p50: number; p99: number; max: number };
  /** Worst load process's event-loop lag p99 (ms). */
  loadLagP99: number;
  /** Live-result events the voter sockets received. */
  resultEvents: number;
  /** Server CPU busy fraction over the vote window (1 = one core). */
  cpuBusy: number;
  /** Server CPU time per acknowledged vote (µs): steadier than latency on a shared machine. */
  cpuPerVoteUs: number;
}

export async function runVotes(o: VotesOptions): Promise<VotesBenchResult> {
  const total = Math.floor((o.rate * o.durationMs) / 1000);
  const pollCount = Math.ceil(total / o.voters);
  const deck = await writeDeck({ polls: pollCount });
  const pg = o.driver === 'postgres' ? await createBenchDatabase() : undefined;
  const dataDir = o.driver === 'pglite' ? await mkdtemp(join(tmpdir(), 'lectern-bench-data-')) : undefined;
  const server = await startServer(o.kind ?? 'lectern', { deck: deck.deck, databaseUrl: pg?.url, dataDir });
  let load: LoadGroup | undefined;
  try {
    const presenter = await connectPresenter(server);
    // Reaching each poll slide opens its poll (open: auto); walking on leaves it open (close: manual).
    // Paced under Lectern's control-command limit (20/s a socket, DEFAULT_LIMITS).
    for (let slide = 1; slide <= pollCount; slide++) {
      const paced = new Promise((r) => setTimeout(r, 60));
      const res = (await presenter.socket.emitWithAck('slide:goto', { index: slide })) as { ok: boolean; error?: unknown };
      if (!res.ok) throw new Error(`slide:goto ${slide} refused: ${JSON.stringify(res.error)}`);
      await paced;
    }
    load = await LoadGroup.start(o.processes);
    const voters = o.voters - (o.voters % o.processes);
    // Lectern limits answers per client address (500/s, DEFAULT_LIMITS): a phone each, not one NAT.
    const conn = await load.connect(voters, audienceSpec(server, 'raw'), 180_000, VOTERS_PER_ADDRESS);
    o.log(`  votes ${o.driver} ${o.rate}/s: ${conn.connected}/${voters} voters connected in ${(conn.ms / 1000).toFixed(1)} s, ${pollCount} polls open`);
    if (conn.failed) throw new Error(`${conn.failed} voter sockets failed to connect: ${JSON.stringify(conn.errors)}`);

    await server.resetLag();
    const cpu0 = await server.cpu();
    const startAt = Number(process.hrtime.bigint()) + 500e6;
    const result = await load.votes({
      rate: o.rate,
      durationMs: o.durationMs,
      voters,
      polls: deck.polls,
      options: deck.options,
      startAt,
      ackTimeoutMs: o.ackTimeoutMs,
    });
    const elapsedMs = (Number(process.hrtime.bigint()) - startAt) / 1e6;
    const cpu1 = await server.cpu();
    const lag = await server.lag();
    presenter.close();
    await load.stop();
    load = undefined;
    await server.stop(); // a clean close: queued votes are flushed before the database closes

    const stored = pg ? await countStoredPostgres(pg.url) : await countStoredPglite(dataDir!);
    return {
      driver: o.driver,
      rate: o.rate,
      durationMs: o.durationMs,
      voters,
      connected: conn.connected,
      sent: result.sent,
      ok: result.ok,
      stored,
      unacked: result.unacked,
      errors: result.errors,
      dropped: result.dropped,
      latency: summarize(result.latencies),
      sendLag: summarize(result.lags),
      ackedPerSecond: result.ok / ((o.durationMs + result.drainMs) / 1000),
      lag,
      loadLagP99: result.loopLagP99,
      resultEvents: result.otherEvents,
      cpuBusy: (cpu1.userMs + cpu1.systemMs - cpu0.userMs - cpu0.systemMs) / elapsedMs,
      cpuPerVoteUs: ((cpu1.userMs + cpu1.systemMs - cpu0.userMs - cpu0.systemMs) * 1000) / Math.max(1, result.ok),
    };
  } finally {
    await load?.stop();
    await server.stop();
    await pg?.drop().catch((err: unknown) => o.log(`  could not drop the bench database: ${String(err)}`));
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
    await deck.cleanup();
  }
}

async function countStoredPglite(dataDir: string): Promise<number> {
  const db = new PGlite(join(dataDir, 'pglite'));
  try {
    const { rows } = await db.query<{ n: number }>('select count(*)::int as n from votes');
    return rows[0]!.n;
  } finally {
    await db.close();
  }
}
