/**
 * Lectern as `npm start` runs it (the same startLectern factory), on 127.0.0.1 and a random port,
 * with the deck and database the orchestrator chose. Stops cleanly on a `close` message, so every
 * acknowledged vote is flushed before the orchestrator counts stored answers.
 *
 * BENCH_LECTERN_ROOT=/path/to/a/copy runs that tree's server instead (to measure a patch against
 * the current code in the same conditions).
 */
import { pathToFileURL } from 'node:url';
import { pino } from 'pino';
import type { parseConfig as ParseConfig } from '../../server/config.js';
import type { startLectern as StartLectern } from '../../server/lectern.js';
import { serveProbe } from './probe.js';

const root = process.env.BENCH_LECTERN_ROOT ? `${pathToFileURL(process.env.BENCH_LECTERN_ROOT).href}/` : new URL('../../', import.meta.url).href;
const { parseConfig } = (await import(`${root}server/config.ts`)) as { parseConfig: typeof ParseConfig };
const { startLectern } = (await import(`${root}server/lectern.ts`)) as { startLectern: typeof StartLectern };

const config = parseConfig(
  {
    PORT: '0',
    HOST: '127.0.0.1',
    PRESENTER_KEY: process.env.BENCH_PRESENTER_KEY,
    VOTER_SECRET: process.env.BENCH_VOTER_SECRET,
    DATABASE_URL: process.env.BENCH_DATABASE_URL,
    DATA_DIR: process.env.BENCH_DATA_DIR,
    LOG_LEVEL: 'warn',
    WATCH_DECKS: '0',
  },
  [process.env.BENCH_DECK ?? ''],
);
const lectern = await startLectern(config, pino({ level: 'warn' }));
process.on('message', (msg: { type?: string }) => {
  if (msg.type !== 'close') return;
  lectern.close().then(
    () => process.send?.({ type: 'closed' }, () => process.exit(0)),
    (err: unknown) => {
      process.stderr.write(`bench lectern: close failed: ${String(err)}\n`);
      process.exit(1);
    },
  );
});
serveProbe(lectern.port, { driver: lectern.driver, root });
