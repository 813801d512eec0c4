import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseTermList } from './domain/text-filter.js';
import { KeyConfigError, talkKeysFrom } from './auth/key-config.js';
import type { TalkKeys } from './auth/keys.js';

/**
 * How long a graceful stop (SIGTERM) may take before the process gives up and exits; the NixOS
 * module's TimeoutStopSec and compose's stop_grace_period leave more than this.
 */
export const SHUTDOWN_DEADLINE_MS = 10_000;

/** The example talk served when no deck is named on the command line. */
export const EXAMPLE_DECK = fileURLToPath(new URL('../decks/homelab.md', import.meta.url));

const LogLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://talks.example.org' }).optional(),
  PRESENTER_KEY: z.string().min(8, 'must be at least 8 characters').optional(),
  PRESENTER_KEY_FILE: z.string().min(1).optional(),
  KEYS_FILE: z.string().min(1).optional(),
  SESSION_IDLE_HOURS: z.coerce.number().min(0.05, 'must be at least 0.05 (3 minutes)').max(24 * 366, 'must be at most a year of hours').default(12),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  LOG_LEVEL: LogLevel.default('info'),
  WATCH_DECKS: z.enum(['0', '1', 'true', 'false']).default('1'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with redis:// or rediss://')
    .optional(),
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9:_-]{1,64}$/, 'must be 1–64 letters, digits, :, _ or -').default('lectern'),
  TRUST_PROXY: z.enum(['0', '1', 'true', 'false']).default('0'),
  METRICS_TOKEN: z.string().min(8, 'must be at least 8 characters').optional(),
  VOTER_SECRET: z.string().min(32, 'must be at least 32 characters (e.g. openssl rand -base64 32)').optional(),
  VOTER_ID_BURST: z.coerce.number().int().min(1).max(1_000_000).default(3_000),
  VOTER_ID_RATE: z.coerce.number().min(0.01).max(100_000).default(10),
  VOTER_ID_WARN: z.coerce.number().int().min(1).max(1_000_000).default(300),
  DECK_MAX_BYTES: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(5 * 1024 * 1024),
  BLOCKLIST_FILE: z.string().min(1).optional(),
  ALLOWLIST_FILE: z.string().min(1).optional(),
  PROFANITY_FILTER: z.enum(['english', 'off']).default('english'),
});

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl?: string;
  /**
   * The admin key (PRESENTER_KEY, PRESENTER_KEY_FILE or the credential `presenter-key`): presenter
   * of every talk. Unset: each talk has only its own keys (generated and printed when not set).
   */
  readonly presenterKey?: string;
  /** Keys set per talk (PRESENTER_KEY_<SLUG>, MODERATOR_KEY_<SLUG>, KEYS_FILE, credentials), by slug. */
  readonly talkKeys: Readonly<Record<string, TalkKeys>>;
  /** A presenter or moderator session unused this long is signed out (SESSION_IDLE_HOURS, default 12 h). */
  readonly sessionIdleMs: number;
  readonly databaseUrl?: string;
  readonly dataDir: string;
  readonly logLevel: z.infer<typeof LogLevel>;
  readonly watchDecks: boolean;
  readonly decks: readonly string[];
  /** Several processes share rooms through Redis streams (else Postgres, when databaseUrl is set). */
  readonly redisUrl?: string;
  /** Names the Redis stream and keys, so several deployments can share one Redis. */
  readonly redisPrefix: string;
  /** Behind a load balancer: client addresses come from X-Forwarded-For. */
  readonly trustProxy: boolean;
  /** When set, /metrics needs `Authorization: Bearer <token>`. */
  readonly metricsToken?: string;
  /** Signs the voter cookie; unset: a secret made once and kept in the database (server_secrets). */
  readonly voterSecret?: string;
  /** New voter ids per address: `burst` at once, then `perSecond`; `warnPerMinute` tells the presenter. */
  readonly voterIds: { readonly burst: number; readonly perSecond: number; readonly warnPerMinute: number };
  /** A deck file larger than this is refused at start and on reload (the read stops there). */
  readonly deckMaxBytes: number;
  /**
   * The server's word lists for the profanity filter: obscenity's English dataset (PROFANITY_FILTER,
   * on unless `off`), and terms to hold or never hold (BLOCKLIST_FILE, ALLOWLIST_FILE: one a line).
   */
  readonly wordLists: { readonly dataset: boolean; readonly block: readonly string[]; readonly allow: readonly string[] };
}

/** Thrown for configuration a speaker must fix; main prints the message and exits non-zero. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses env and argv (deck paths) into a frozen Config; empty env values count as unset. */
export function parseConfig(
  env: Record<string, string | undefined>,
  argv: readonly string[],
  readSecret: (path: string) => string = (path) => readFileSync(path, 'utf8'),
  listSecrets: (dir: string) => string[] = (dir) => readdirSync(dir),
): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.PRESENTER_KEY && e.PRESENTER_KEY_FILE) throw new ConfigError('Invalid configuration:\n  PRESENTER_KEY_FILE: set PRESENTER_KEY or PRESENTER_KEY_FILE, not both');
  const flags = argv.filter((a) => a.startsWith('-'));
  if (flags.length) throw new ConfigError(`Unknown option ${flags[0]}: pass deck files only, e.g. npm start -- talk.md`);
  const decks = argv.length ? argv.map((p) => resolve(p)) : [EXAMPLE_DECK];
  const presenterKey = e.PRESENTER_KEY ?? presenterKeyFromFile(e.PRESENTER_KEY_FILE, cleaned.CREDENTIALS_DIRECTORY, readSecret);
  let talkKeys: Record<string, TalkKeys>;
  try {
    talkKeys = talkKeysFrom({ env: cleaned, readSecret, listSecrets, ...(presenterKey ? { admin: presenterKey } : {}) });
  } catch (err) {
    if (err instanceof KeyConfigError) throw new ConfigError(`Invalid configuration:\n  ${err.message}`);
    throw err;
  }
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    ...(presenterKey ? { presenterKey } : {}),
    talkKeys: Object.freeze(talkKeys),
    sessionIdleMs: e.SESSION_IDLE_HOURS * 3_600_000,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    logLevel: e.LOG_LEVEL,
    watchDecks: e.WATCH_DECKS === '1' || e.WATCH_DECKS === 'true',
    decks: Object.freeze(decks),
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    trustProxy: e.TRUST_PROXY === '1' || e.TRUST_PROXY === 'true',
    metricsToken: e.METRICS_TOKEN,
    voterSecret: e.VOTER_SECRET,
    voterIds: Object.freeze({ burst: e.VOTER_ID_BURST, perSecond: e.VOTER_ID_RATE, warnPerMinute: e.VOTER_ID_WARN }),
    deckMaxBytes: e.DECK_MAX_BYTES,
    wordLists: Object.freeze({
      dataset: e.PROFANITY_FILTER === 'english',
      block: Object.freeze(termsFromFile('BLOCKLIST_FILE', e.BLOCKLIST_FILE, readSecret)),
      allow: Object.freeze(termsFromFile('ALLOWLIST_FILE', e.ALLOWLIST_FILE, readSecret)),
    }),
  });
}

/** A word list file (one term a line, # comments); unset is an empty list, an unreadable file an error. */
function termsFromFile(name: string, path: string | undefined, read: (path: string) => string): string[] {
  if (!path) return [];
  try {
    return parseTermList(read(path));
  } catch (err) {
    throw new ConfigError(`Invalid configuration:\n  ${name}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

/** The systemd credential the NixOS module hands over with LoadCredential (presenterKeyFile). */
const PRESENTER_KEY_CREDENTIAL = 'presenter-key';

/**
 * A presenter key kept out of the environment: PRESENTER_KEY_FILE (a Docker secret, a file the
 * NixOS module names), else systemd's credential `presenter-key` in $CREDENTIALS_DIRECTORY.
 * Surrounding whitespace (the file's trailing newline) is not part of the key.
 */
function presenterKeyFromFile(file: string | undefined, credentialsDir: string | undefined, readSecret: (path: string) => string): string | undefined {
  const path = file ?? (credentialsDir ? `${credentialsDir}/${PRESENTER_KEY_CREDENTIAL}` : undefined);
  if (!path) return undefined;
  let key: string;
  try {
    key = readSecret(path).trim();
  } catch (err) {
    // no credential of that name: the key is generated, as without any
    if (!file && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new ConfigError(`Invalid configuration:\n  PRESENTER_KEY_FILE: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
  if (key.length < 8) throw new ConfigError(`Invalid configuration:\n  PRESENTER_KEY_FILE: the key in ${path} must be at least 8 characters`);
  return key;
}
