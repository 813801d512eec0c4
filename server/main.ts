import { pino } from 'pino';
import { DatabaseUnreachableError } from '../db/client.js';
import { ConfigError, parseConfig, SHUTDOWN_DEADLINE_MS } from './config.js';
import { DeckError } from './deck/index.js';
import { LecternError } from './domain/errors.js';
import { startLectern } from './lectern.js';
import { joinHost } from './lan-address.js';

async function main() {
  const config = parseConfig(process.env, process.argv.slice(2));
  const log = pino({ level: config.logLevel, redact: ['key', 'presenterKey', 'session', 'req.headers.authorization'] });
  // talk keys not set in the configuration are made at start; the banner prints them
  const made = new Map<string, { presenter?: string; moderator?: string; how?: string }>();
  let printed = false;
  const lectern = await startLectern(config, log, {
    onKeyGenerated: (slug, role, key, how) => {
      const entry = made.get(slug) ?? {};
      entry[role] = key;
      entry.how = how;
      made.set(slug, entry);
      // a talk served later (a broken deck fixed): its keys are printed as they are made
      if (printed) process.stdout.write(`  ${slug}: ${role} key ${key} (${how === 'derived' ? 'derived from PRESENTER_KEY' : 'generated for this run'})\n`);
    },
  });

  const host = joinHost(config.host);
  const base = config.publicUrl ?? `http://${host}:${lectern.port}`;
  const lines = [`Lectern is serving ${lectern.talks.list().length} talk(s) on port ${lectern.port} (database: ${lectern.driver})`];
  for (const { deck } of lectern.talks.list()) {
    lines.push('', `  ${deck.title}`, `    audience   ${base}/${deck.slug}`, `    screen     ${base}/${deck.slug}/screen`);
    const keys = made.get(deck.slug) ?? {};
    const variable = deck.slug.toUpperCase().replace(/-/g, '_');
    lines.push(`    presenter  ${base}/${deck.slug}/present#key=${keys.presenter ?? `<PRESENTER_KEY_${variable}>`}`);
    lines.push(`    moderator  ${base}/${deck.slug}/moderate#key=${keys.moderator ?? `<MODERATOR_KEY_${variable}>`}`);
  }
  if ([...made.values()].some((k) => k.how === 'random')) {
    lines.push('', 'Talk keys above were generated for this run: set PRESENTER_KEY_<SLUG> / MODERATOR_KEY_<SLUG> (or KEYS_FILE) to keep them.');
  } else if (made.size) {
    lines.push('', 'Talk keys above are derived from PRESENTER_KEY (the admin key, presenter of every talk).');
  }
  process.stdout.write(lines.join('\n') + '\n\n');
  printed = true;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(() => process.exit(1), SHUTDOWN_DEADLINE_MS).unref();
    await lectern.close().catch((err) => log.error({ err }, 'shutdown failed'));
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  const known = err instanceof ConfigError || err instanceof DeckError || err instanceof DatabaseUnreachableError || err instanceof LecternError;
  process.stderr.write(`lectern: ${known ? (err as Error).message : String((err as Error)?.stack ?? err)}\n`);
  process.exit(1);
});
