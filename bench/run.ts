/**
 * `npm run bench [-- options]`: fan-out latency beside reveal.js multiplex, memory per socket,
 * durable vote rate, and page weight, printed as the tables of docs/BENCHMARKS.md.
 *
 *   --quick               CI mode (< 2 min): Lectern only, 1k sockets, 1k votes/s for 10 s on both
 *                         drivers. Exits non-zero when a socket is dropped or misses a slide, or when
 *                         stored answers ≠ acknowledged answers. Asserts no timings.
 *   --only=fanout,votes,page,start,storm     run some parts only (start and storm need `npm run build`)
 *   --start-drivers=pglite,postgres --repeats=3 --phones=1000,10000 --no-npm
 *                         start: compiled server with the example deck, first start and restart per
 *                         driver (`repeats` rounds, medians), RSS at rest and with phones, `npm start`
 *   --storm-sockets=10000 join storm, Lectern beside the multiplex relay, `repeats` rounds
 *   --servers=bare,minimal,multiplex,lectern   --sockets=1000,5000,10000,15000
 *   --changes=50 --interval=1000               slide changes and their spacing (ms)
 *   --drivers=postgres,pglite --rates=1000,5000,10000,20000 (Postgres; also PGlite unless
 *                         --pglite-rates=1000,5000,10000 is given) --duration=30 --voters=5000
 *   --processes=N         load processes per server (default 2) and for the votes (default 4)
 *   --interleave          run a step's servers side by side, changing slide on each in turn
 *                         (fairer under outside noise, but only while their summed work fits the
 *                         server core: fine at 1k–5k, saturates at 10k)
 *   --no-client-check     skip the check of the minimal client against socket.io-client at 1k
 *   --vote-server=lectern-alt   run the votes against the BENCH_ALT_ROOT tree
 *   --no-build            weigh the existing dist/client instead of building into .tmp/bench/client
 *   --json=path           also write every number as JSON (default .tmp/bench/last.json)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus as osCpus, loadavg, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { runFanout, type FanoutResult } from './fanout.js';
import { pageWeight, type PageWeight } from './page-weight.js';
import { ensurePostgres, postgresInfo } from './lib/postgres.js';
import { BENCH_DIR, cpus, pinSelf } from './lib/proc.js';
import { ALL_KINDS, SERVER_KINDS, SERVER_LABELS, type ServerKind } from './lib/servers.js';
import { fmt, table } from './lib/stats.js';
import { runStart, type StartKind, type StartSample } from './start.js';
import { runStorm, type StormSample } from './storm.js';
import { runVotes, type Driver, type VotesBenchResult } from './votes.js';

const ROOT = join(BENCH_DIR, '..');
const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    servers: { type: 'string' },
    sockets: { type: 'string' },
    changes: { type: 'string' },
    interval: { type: 'string' },
    drivers: { type: 'string' },
    rates: { type: 'string' },
    'pglite-rates': { type: 'string' },
    duration: { type: 'string' },
    voters: { type: 'string' },
    processes: { type: 'string' },
    'no-client-check': { type: 'boolean', default: false },
    interleave: { type: 'boolean', default: false },
    'vote-server': { type: 'string', default: 'lectern' },
    'no-build': { type: 'boolean', default: false },
    json: { type: 'string' },
    'start-drivers': { type: 'string' },
    repeats: { type: 'string' },
    phones: { type: 'string' },
    'no-npm': { type: 'boolean', default: false },
    'storm-sockets': { type: 'string' },
  },
});
const list = (s: string | undefined, fallback: string[]) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : fallback);
const nums = (s: string | undefined, fallback: number[]) => (s ? list(s, []).map(Number) : fallback);
const quick = args.quick;
const ACK_WAIT_S = 20;
const REST_S = 10;

const plan = {
  parts: list(args.only, quick ? ['fanout', 'votes', 'page'] : ['start', 'storm', 'fanout', 'votes', 'page']),
  startDrivers: list(args['start-drivers'], ['pglite', 'postgres']) as ('pglite' | 'postgres')[],
  repeats: Number(args.repeats ?? 3),
  phones: nums(args.phones, [1_000, 10_000]),
  stormSockets: Number(args['storm-sockets'] ?? 10_000),
  servers: list(args.servers, quick ? ['lectern'] : [...SERVER_KINDS]) as ServerKind[],
  sockets: nums(args.sockets, quick ? [1_000] : [1_000, 5_000, 10_000, 15_000]),
  changes: Number(args.changes ?? (quick ? 20 : 50)),
  intervalMs: Number(args.interval ?? (quick ? 250 : 1_000)),
  drivers: list(args.drivers, ['postgres', 'pglite']) as Driver[],
  rates: { postgres: nums(args.rates, quick ? [1_000] : [1_000, 5_000, 10_000, 20_000]), pglite: nums(args['pglite-rates'] ?? args.rates, quick ? [1_000] : [1_000, 5_000, 10_000]) },
  durationMs: Number(args.duration ?? (quick ? 10 : 30)) * 1000,
  voters: Number(args.voters ?? (quick ? 1_000 : 5_000)),
  processes: Number(args.processes ?? 2),
  voteProcesses: Number(args.processes ?? 4),
  clientCheck: !quick && !args['no-client-check'],
  interleave: args.interleave,
};
for (const s of plan.servers) if (!ALL_KINDS.includes(s)) throw new Error(`unknown server "${s}"; one of ${ALL_KINDS.join(', ')}`);

// Every loop below is bounded; this is the backstop for a hung child or socket.
const BUDGET_MS = quick ? 180_000 : 60 * 60_000;
const watchdog = setTimeout(() => {
  process.stderr.write(`bench: over the ${BUDGET_MS / 1000} s budget; giving up\n`);
  process.exit(2);
}, BUDGET_MS);
watchdog.unref();

const started = Date.now();
const log = (line: string) => process.stderr.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
const problems: string[] = [];
const notes: string[] = [];

pinSelf();
const machine = {
  cpu: osCpus()[0]?.model ?? 'unknown',
  cores: cpus.count,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  kernel: release(),
  pinning: cpus.pin ? `server on CPU ${cpus.server}; load processes and presenter on CPU ${cpus.load}` : 'none (one CPU or no taskset)',
  loadAverageAtStart: loadavg().map((x) => x.toFixed(2)).join(' '),
  fdLimit: spawnSync('sh', ['-c', 'ulimit -n']).stdout?.toString().trim(),
  date: new Date().toISOString(),
};
log(`bench ${quick ? '--quick' : 'full'}: ${JSON.stringify(plan)}`);

const fanout: FanoutResult[] = [];
const clientCheck: FanoutResult[] = [];
const votes: VotesBenchResult[] = [];
let page: PageWeight | undefined;
let starts: StartSample[] = [];
let storms: StormSample[] = [];
let pgInfo: Awaited<ReturnType<typeof postgresInfo>> | undefined;

if (plan.parts.includes('page')) {
  // A production build of its own, so a running server's or test run's dist/ is left alone.
  const outDir = join(ROOT, '.tmp/bench/client');
  if (!args['no-build']) {
    log('building the client (vite build)');
    const built = spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--outDir', outDir], { cwd: ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('vite build failed');
  }
  page = pageWeight(args['no-build'] ? join(ROOT, 'dist/client') : outDir, 'audience');
}

if (plan.parts.includes('start')) {
  if (plan.startDrivers.includes('postgres')) await ensurePostgres();
  starts = await runStart({ repeats: plan.repeats, drivers: plan.startDrivers, npm: !args['no-npm'], phones: plan.phones, log }).catch((err: unknown) => {
    problems.push(`start: ${String((err as Error)?.message ?? err)}`);
    return [];
  });
}

if (plan.parts.includes('storm')) {
  storms = await runStorm({ sockets: plan.stormSockets, repeats: plan.repeats, processes: plan.processes, log }).catch((err: unknown) => {
    problems.push(`storm: ${String((err as Error)?.message ?? err)}`);
    return [];
  });
  for (const s of storms) if (s.failed) problems.push(`storm ${s.kind} ×${s.sockets}: ${s.failed} phones failed to join ${JSON.stringify(s.errors)}`);
}

if (plan.parts.includes('fanout')) {
  for (const sockets of plan.sockets) {
    // One server at a time, alone on its core, unless --interleave.
    const groups = plan.interleave ? [plan.servers] : plan.servers.map((k) => [k]);
    for (const kinds of groups) {
      const results = await runFanout({ targets: kinds.map((kind) => ({ kind, client: 'raw' as const })), sockets, changes: plan.changes, intervalMs: plan.intervalMs, processes: plan.processes, log }).catch(
        (err: unknown) => {
          problems.push(`fan-out ${kinds.join('+')} ×${sockets}: ${String((err as Error)?.message ?? err)}`);
          return [];
        },
      );
      for (const r of results) {
        fanout.push(r);
        log(`  ${r.kind} ×${sockets}: p50 ${fmt(r.latency.p50)} p99 ${fmt(r.latency.p99)} max ${fmt(r.latency.max)} ms; dropped ${r.dropped}, missing ${r.missing}; heap/socket ${fmt(r.heapPerSocket / 1024, 2)} KB; CPU/change ${fmt(r.cpuPerChangeMs)} ms`);
        const broken = r.failed + r.dropped + r.missing + r.presenterFailures;
        if (broken) {
          const what = `fan-out ${r.kind} ×${sockets}: ${r.failed} failed to connect, ${r.dropped} dropped, ${r.missing} slide receipts missing, ${r.presenterFailures} presenter commands failed`;
          // 15k is "if it holds": report it, but only fail the run on the targets' sizes.
          (r.kind === 'lectern' && sockets <= 10_000 ? problems : notes).push(what);
        }
      }
    }
    if (plan.clientCheck && sockets === 1_000 && plan.servers.includes('lectern')) {
      // The check: the same Lectern, driven by our minimal client and by socket.io-client, side by side.
      const targets = [{ kind: 'lectern' as const, client: 'raw' as const }, { kind: 'lectern' as const, client: 'sio' as const }];
      const results = await runFanout({ targets, sockets, changes: plan.changes, intervalMs: plan.intervalMs, processes: plan.processes, log }).catch((err: unknown) => {
        notes.push(`socket.io-client check: ${String(err)}`);
        return [];
      });
      clientCheck.push(...results);
    }
  }
}

if (plan.parts.includes('votes')) {
  if (plan.drivers.includes('postgres')) {
    await ensurePostgres();
    pgInfo = await postgresInfo();
  }
  for (const driver of plan.drivers) {
    for (const rate of plan.rates[driver]) {
      const r = await runVotes({ driver, rate, durationMs: plan.durationMs, voters: plan.voters, processes: plan.voteProcesses, kind: args['vote-server'] === 'lectern-alt' ? 'lectern-alt' : 'lectern', ackTimeoutMs: ACK_WAIT_S * 1000, log }).catch((err: unknown) => {
        problems.push(`votes ${driver} ${rate}/s: ${String((err as Error)?.message ?? err)}`);
        return undefined;
      });
      if (!r) continue;
      votes.push(r);
      log(`  votes ${driver} ${rate}/s: ${r.ok}/${r.sent} acked, ${r.stored} stored; p50 ${fmt(r.latency.p50)} p99 ${fmt(r.latency.p99)} ms; ${fmt(r.ackedPerSecond, 0)}/s`);
      if (r.dropped) problems.push(`votes ${driver} ${rate}/s: ${r.dropped} voter sockets dropped`);
      if (!r.unacked) {
        if (r.stored !== r.ok) problems.push(`votes ${driver} ${rate}/s: stored ${r.stored} ≠ acknowledged ${r.ok}`);
      } else {
        // Overload: votes still queued when the wait ended may be stored without their ack having
        // arrived, so only acked ≤ stored ≤ sent can be checked. In --quick this is a failure.
        const where = `votes ${driver} ${rate}/s: ${r.unacked} votes not acknowledged within ${ACK_WAIT_S} s of the last send (overload)`;
        if (r.stored < r.ok || r.stored > r.sent) problems.push(`votes ${driver} ${rate}/s: stored ${r.stored} outside [acknowledged ${r.ok}, sent ${r.sent}]`);
        (quick ? problems : notes).push(where);
      }
      const errs = Object.entries(r.errors);
      if (errs.length) notes.push(`votes ${driver} ${rate}/s: refused ${JSON.stringify(r.errors)}`);
    }
  }
}

const report = render();
process.stdout.write(`${report}\n`);
// One integrity check per fan-out step and per vote rate, in the plain form CI logs understand.
const checks = fanout.length + clientCheck.length + votes.length + storms.length + (starts.length ? 1 : 0);
process.stdout.write(`\nbench: ${Math.max(0, checks - problems.length)} passed, ${problems.length} failed\n`);
const jsonPath = args.json ?? join(ROOT, '.tmp/bench/last.json');
mkdirSync(dirname(jsonPath), { recursive: true });
writeFileSync(jsonPath, JSON.stringify({ machine, plan, pgInfo, starts, storms, fanout, clientCheck, votes, page, problems, notes, loadAverageAtEnd: loadavg().map((x) => x.toFixed(2)).join(' ') }, null, 2));
writeFileSync(jsonPath.replace(/\.json$/, '.md'), `${report}\n`);
log(`wrote ${jsonPath} (and .md) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
process.exit(problems.length ? 1 : 0);

function render(): string {
  const out: string[] = [];
  out.push(`## Machine\n`);
  out.push(`${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB; Node ${machine.node}; Linux ${machine.kernel}; ${machine.pinning}; open files ${machine.fdLimit} per process; load average at start ${machine.loadAverageAtStart}; ${machine.date}.`);
  if (pgInfo) out.push(`Postgres ${pgInfo.version} (fsync ${pgInfo.fsync}, synchronous_commit ${pgInfo.synchronousCommit}), not pinned.`);

  if (starts.length) {
    const median = (xs: number[]) => {
      const v = [...xs].sort((a, b) => a - b);
      return v.length ? (v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2) : NaN;
    };
    const labels: Record<StartKind, string> = {
      'pglite-first': 'PGlite, new data folder',
      'pglite-restart': 'PGlite, restart',
      'postgres-first': 'Postgres, new database',
      'postgres-restart': 'Postgres, restart',
      'npm-restart': '`npm start`, client built, restart (Postgres; npm + node RSS)',
    };
    out.push(`\n## Start and memory: \`node dist/server.js decks/homelab.md\`, medians\n`);
    out.push(
      table(
        ['start', 'runs', 'spawn → /healthz (s)', 'each run', `RSS ${REST_S} s later (MB)`, 'each run'],
        (Object.keys(labels) as StartKind[])
          .map((k) => ({ k, xs: starts.filter((s) => s.kind === k) }))
          .filter(({ xs }) => xs.length)
          .map(({ k, xs }) => [
            labels[k],
            String(xs.length),
            fmt(median(xs.map((x) => x.startMs / 1000)), 2),
            xs.map((x) => fmt(x.startMs / 1000, 2)).join(', '),
            fmt(median(xs.map((x) => x.rss / 2 ** 20)), 0),
            xs.map((x) => fmt(x.rss / 2 ** 20, 0)).join(', '),
          ]),
      ),
    );
    const withPhones = starts.filter((s) => s.phones?.length);
    if (withPhones.length) {
      out.push(`\n## RSS with phones connected (server pinned to CPU ${cpus.server}; each phone counted once it has \`state\`)\n`);
      out.push(
        table(
          ['database', 'at rest', ...plan.phones.map((n) => `${n.toLocaleString('en-US')} phones`), 'RSS / phone (last step)'],
          withPhones.map((s) => {
            const ps = s.phones!;
            const lastStep = ps[ps.length - 1]!;
            return [labels[s.kind], `${fmt(s.rss / 2 ** 20, 0)} MB`, ...ps.map((p) => `${fmt(p.rss / 2 ** 20, 0)} MB (${p.connected.toLocaleString('en-US')} joined)`), `${fmt((lastStep.rss - s.rss) / lastStep.sockets / 1024, 1)} KB`];
          }),
        ),
      );
    }
  }
  if (storms.length) {
    out.push(`\n## Join storm: ${plan.stormSockets.toLocaleString('en-US')} phones at once until each can render, Lectern and the multiplex relay in turn\n`);
    const pairs = storms.filter((s) => s.kind === 'lectern').map((l, i) => [l, storms.filter((s) => s.kind === 'multiplex')[i]] as const);
    out.push(
      table(
        ['round', 'Lectern joined', 'Lectern s', 'Lectern server CPU s', 'multiplex joined', 'multiplex s', 'multiplex server CPU s', 'Lectern ÷ multiplex (time)', 'Lectern ÷ multiplex (CPU)'],
        pairs.map(([l, m], i) => [
          String(i + 1),
          l.joined.toLocaleString('en-US'),
          fmt(l.ms / 1000, 1),
          fmt(l.cpuMs / 1000, 1),
          m ? m.joined.toLocaleString('en-US') : '—',
          m ? fmt(m.ms / 1000, 1) : '—',
          m ? fmt(m.cpuMs / 1000, 1) : '—',
          m ? fmt(l.ms / m.ms, 2) : '—',
          m ? fmt(l.cpuMs / m.cpuMs, 2) : '—',
        ]),
      ),
    );
  }

  const raw = fanout;
  if (raw.length) {
    out.push(`\n## Fan-out: presenter send → audience receive (ms), ${plan.changes} changes every ${plan.intervalMs} ms${plan.interleave ? ', servers interleaved' : ', one server at a time'}\n`);
    out.push(
      table(
        ['server', 'sockets', 'held', 'dropped / missed', 'p50', 'p95', 'p99', 'max', 'server loop lag p99', 'load loop lag p99', 'server CPU ms / change', 'heap / socket', 'RSS / socket'],
        raw.map((r) => [
          SERVER_LABELS[r.kind],
          r.sockets.toLocaleString('en-US'),
          r.connected.toLocaleString('en-US'),
          `${r.dropped} / ${r.missing}`,
          fmt(r.latency.p50),
          fmt(r.latency.p95),
          fmt(r.latency.p99),
          fmt(r.latency.max),
          fmt(r.lag.p99),
          fmt(r.loadLagP99),
          fmt(r.cpuPerChangeMs),
          `${fmt(r.heapPerSocket / 1024, 2)} KB`,
          `${fmt(r.rssPerSocket / 1024, 1)} KB`,
        ]),
      ),
    );
    const at = (kind: ServerKind, n: number) => raw.find((r) => r.kind === kind && r.sockets === n);
    const sizes = [...new Set(raw.map((r) => r.sockets))];
    if (plan.servers.includes('lectern') && plan.servers.length > 1) {
      out.push(`\n## Fan-out p99 ratios (same run)\n`);
      out.push(
        table(
          ['sockets', 'Lectern p99', 'multiplex p99', 'minimal relay p99', 'bare ws p99', 'Lectern ÷ multiplex', 'target', 'Lectern ÷ minimal', 'target'],
          sizes.map((n) => {
            const l = at('lectern', n)?.latency.p99;
            const m = at('multiplex', n)?.latency.p99;
            const s = at('minimal', n)?.latency.p99;
            const b = at('bare', n)?.latency.p99;
            const rm = l !== undefined && m !== undefined ? l / m : undefined;
            const rs = l !== undefined && s !== undefined ? l / s : undefined;
            const tm = n <= 1_000 ? 1.0 : 0.8;
            const verdict = (x: number | undefined, limit: number) => (x === undefined ? '—' : `≤ ${limit.toFixed(1)} ${x <= limit ? 'met' : 'missed'}`);
            return [n.toLocaleString('en-US'), fmt(l), fmt(m), fmt(s), fmt(b), fmt(rm, 2), verdict(rm, tm), fmt(rs, 2), verdict(rs, 1.2)];
          }),
        ),
      );
    }
  }
  if (clientCheck.length) {
    out.push(`\n## Harness check: minimal client vs socket.io-client 4, two Lectern servers side by side\n`);
    const rows = clientCheck.map((x) => [x.client === 'raw' ? 'minimal Engine.IO client (ws)' : 'socket.io-client 4.8', x.sockets.toLocaleString('en-US'), `${x.dropped} / ${x.missing}`, fmt(x.latency.p50), fmt(x.latency.p95), fmt(x.latency.p99), fmt(x.latency.max), fmt(x.loadLagP99)]);
    out.push(table(['audience client', 'sockets', 'dropped / missed', 'p50', 'p95', 'p99', 'max', 'load loop lag p99'], rows));
  }

  if (votes.length) {
    out.push(`\n## Durable votes: open-loop, ${plan.durationMs / 1000} s per rate, ${plan.voters.toLocaleString('en-US')} voter sockets, ack after commit\n`);
    out.push(
      table(
        ['driver', 'offered / s', 'sent', 'acked ok', 'stored', 'stored = acked', 'refused', 'unacked', 'acked / s', 'ack p50', 'ack p99', 'ack max', 'send lag p99', 'server loop lag p99', 'load loop lag p99', 'live results sent', 'server CPU', 'CPU µs / vote'],
        votes.map((r) => [
          r.driver,
          r.rate.toLocaleString('en-US'),
          r.sent.toLocaleString('en-US'),
          r.ok.toLocaleString('en-US'),
          r.stored.toLocaleString('en-US'),
          r.stored === r.ok ? 'yes' : r.unacked ? `overload (${r.unacked.toLocaleString('en-US')} unacked)` : '**no**',
          Object.values(r.errors).reduce((a, b) => a + b, 0),
          r.unacked,
          fmt(r.ackedPerSecond, 0),
          fmt(r.latency.p50),
          fmt(r.latency.p99),
          fmt(r.latency.max),
          fmt(r.sendLag.p99),
          fmt(r.lag.p99),
          fmt(r.loadLagP99),
          r.resultEvents.toLocaleString('en-US'),
          `${fmt(r.cpuBusy * 100, 0)} %`,
          fmt(r.cpuPerVoteUs, 0),
        ]),
      ),
    );
  }

  if (page) {
    out.push(`\n## Audience page weight (production build, gzip)\n`);
    out.push(
      table(
        ['file', 'bytes', 'gzip'],
        [...page.files.map((f) => [`${f.file}${f.lazy ? ' (lazy)' : ''}`, f.raw.toLocaleString('en-US'), f.gzip.toLocaleString('en-US')]), ['**total up front**', '', `**${page.total.toLocaleString('en-US')}** (${fmt(page.total / 1024, 1)} KB; HTML ${page.html}, JS ${page.js}, CSS ${page.css})`]],
      ),
    );
  }

  const targets = evaluateTargets();
  if (targets.length) {
    out.push(`\n## Targets\n`);
    out.push(table(['target', 'measured', 'verdict'], targets));
  }
  if (problems.length || notes.length) {
    out.push(`\n## Problems and notes\n`);
    for (const p of problems) out.push(`- **problem**: ${p}`);
    for (const n of notes) out.push(`- note: ${n}`);
  }
  return out.join('\n');
}

function evaluateTargets(): string[][] {
  const rows: string[][] = [];
  const raw = fanout;
  const lectern = (n: number) => raw.find((r) => r.kind === 'lectern' && r.sockets === n);
  const l10 = lectern(10_000);
  if (l10) rows.push(['10k sockets held, no drops', `${l10.connected.toLocaleString('en-US')} held, ${l10.dropped} dropped, ${l10.missing} missed`, l10.connected === 10_000 && !l10.dropped && !l10.missing ? 'met' : 'missed']);
  const heaps = raw.filter((r) => r.kind === 'lectern' && r.sockets >= 1_000);
  if (heaps.length) {
    const worst = Math.max(...heaps.map((r) => r.heapPerSocket / 1024));
    rows.push(['≤ 8 KB heap per socket', `${fmt(worst, 2)} KB (worst N)`, worst <= 8 ? 'met' : 'missed']);
  }
  // A rate is held when every vote was acknowledged and stored, at ≥ 95 % of the offered rate.
  const held = (r: VotesBenchResult) => r.stored === r.ok && r.ok === r.sent && r.ackedPerSecond >= 0.95 * r.rate;
  const pgBest = votes.filter((r) => r.driver === 'postgres' && held(r) && r.latency.p99 <= 50);
  if (votes.some((r) => r.driver === 'postgres')) {
    const best = pgBest.length ? Math.max(...pgBest.map((r) => r.rate)) : 0;
    const most = Math.max(...votes.filter((r) => r.driver === 'postgres').map((r) => r.ackedPerSecond));
    rows.push(['≥ 20,000 durable votes/s on Postgres, p99 ack ≤ 50 ms', `${best ? `${best.toLocaleString('en-US')}/s held with p99 ≤ 50 ms` : 'no rate held with p99 ≤ 50 ms'}; most acked ${fmt(most, 0)}/s`, best >= 20_000 ? 'met' : 'missed']);
  }
  const liteBest = votes.filter((r) => r.driver === 'pglite' && held(r));
  if (votes.some((r) => r.driver === 'pglite')) {
    const best = liteBest.length ? Math.max(...liteBest.map((r) => r.rate)) : 0;
    const most = Math.max(...votes.filter((r) => r.driver === 'pglite').map((r) => r.ackedPerSecond));
    rows.push(['≥ 5,000 durable votes/s on PGlite', `${best ? `${best.toLocaleString('en-US')}/s held` : 'no rate held'}; most acked ${fmt(most, 0)}/s`, best >= 5_000 ? 'met' : 'missed']);
  }
  if (page) rows.push(['audience page ≤ 35 KB gzip', `${fmt(page.total / 1024, 1)} KB`, page.total <= 35 * 1024 ? 'met' : 'missed']);
  return rows;
}
