import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** Prometheus metrics for one Lectern instance; a registry of its own so tests can run several. */
export function createMetrics() {
  const registry = new Registry();
  // Includes nodejs_eventloop_lag_seconds and its percentiles, heap and GC.
  collectDefaultMetrics({ register: registry });

  const slideChanges = new Counter({ name: 'lectern_slide_changes_total', help: 'Slide changes', labelNames: ['talk'], registers: [registry] });
  const answers = new Counter({
    name: 'lectern_answers_total',
    help: 'Answers by outcome: ok (committed and acknowledged) or the refusal code',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const commands = new Counter({ name: 'lectern_commands_total', help: 'Socket commands by event and outcome', labelNames: ['event', 'outcome'], registers: [registry] });
  const ackLatency = new Histogram({
    name: 'lectern_ack_seconds',
    help: 'Time from receiving a socket command to acknowledging it',
    labelNames: ['event'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const databaseErrors = new Counter({ name: 'lectern_database_errors_total', help: 'Database operations that failed because the database was unreachable', registers: [registry] });

  return {
    registry,
    /** Reports connected sockets per talk, read from `count` at each scrape (the realtime layer's). */
    countSockets(count: () => { slug: string; count: number }[]) {
      new Gauge({
        name: 'lectern_sockets',
        help: 'Connected sockets per talk on this process',
        labelNames: ['talk'],
        registers: [registry],
        collect() {
          this.reset();
          for (const { slug, count: n } of count()) this.set({ talk: slug }, n);
        },
      });
    },
    slideChanged: (talk: string) => slideChanges.inc({ talk }),
    databaseError: () => databaseErrors.inc(),
    /** The observer socket commands report to (see realtime/ack.ts). */
    observeCommand(event: string, outcome: string, seconds: number) {
      commands.inc({ event, outcome });
      ackLatency.observe({ event }, seconds);
      if (event === 'vote:cast') answers.inc({ outcome });
      if (outcome === 'unavailable') databaseErrors.inc();
    },
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
