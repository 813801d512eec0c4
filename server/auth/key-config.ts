/**
 * Per-talk keys from the configuration: `PRESENTER_KEY_<SLUG>` / `MODERATOR_KEY_<SLUG>` variables
 * (the slug upper-cased, dashes as underscores), a keys file (`KEYS_FILE`, or the systemd
 * credential `keys`), and systemd credentials `presenter-key-<slug>` / `moderator-key-<slug>` (the
 * NixOS module's presenterKeyFiles / moderatorKeyFiles). Pure: files are read through the functions
 * passed in (server/main.ts is what touches the disk).
 */
import type { KeyedRole } from '../domain/roles.js';
import type { TalkKeys } from './keys.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MIN_KEY_LENGTH = 8;

/** A problem with the key configuration, for the speaker to fix (config.ts turns it into a ConfigError). */
export class KeyConfigError extends Error {
  override name = 'KeyConfigError';
}

export interface KeySources {
  env: Record<string, string | undefined>;
  /** Reads a file (throws as readFileSync does). */
  readSecret: (path: string) => string;
  /** The names in a folder (throws as readdirSync does). */
  listSecrets: (dir: string) => string[];
  /** The admin key, which no talk key may repeat. */
  admin?: string;
}

/** Parses a keys file: JSON `{ "slug": { "presenter": "…", "moderator": "…" } }`, or lines `slug role key` (# comments). */
export function parseKeysFile(text: string, where: string): Record<string, TalkKeys> {
  const out: Record<string, TalkKeys> = {};
  const put = (slug: string, role: string, key: string, at: string) => {
    if (!SLUG.test(slug)) throw new KeyConfigError(`${at}: "${slug}" is not a talk slug (lower-case letters, digits and single dashes)`);
    if (role !== 'presenter' && role !== 'moderator') throw new KeyConfigError(`${at}: the role must be presenter or moderator, not "${role}"`);
    if (out[slug]?.[role] !== undefined) throw new KeyConfigError(`${at}: the ${role} key of "${slug}" is given twice`);
    (out[slug] ??= {})[role] = key;
  };
  const trimmed = text.trim();
  if (trimmed.startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(trimmed);
    } catch (err) {
      throw new KeyConfigError(`${where}: not valid JSON (${(err as Error).message})`);
    }
    for (const [slug, keys] of Object.entries(json as Record<string, unknown>)) {
      if (typeof keys !== 'object' || keys === null) throw new KeyConfigError(`${where}: "${slug}" must map to { "presenter": "…", "moderator": "…" }`);
      for (const [role, key] of Object.entries(keys)) {
        if (typeof key !== 'string') throw new KeyConfigError(`${where}: the ${role} key of "${slug}" must be a string`);
        put(slug, role, key, where);
      }
    }
    return out;
  }
  trimmed.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const [slug, role, ...rest] = line.split(/\s+/);
    const at = `${where} line ${i + 1}`;
    if (!rest.length) throw new KeyConfigError(`${at}: expected "slug role key" (e.g. "my-talk moderator s3cret-key")`);
    put(slug!, role!, rest.join(' '), at);
  });
  return out;
}

/** The variable's slug: `PRESENTER_KEY_MY_TALK` → `my-talk`. */
const slugOfVariable = (suffix: string) => suffix.toLowerCase().replace(/_/g, '-');

/** Every talk key the configuration sets, by slug; checked (length, repeats). */
export function talkKeysFrom(src: KeySources): Record<string, TalkKeys> {
  const keys: Record<string, TalkKeys> = {};
  const origin = new Map<string, string>();
  const add = (slug: string, role: KeyedRole, key: string, from: string) => {
    const had = origin.get(`${slug} ${role}`);
    if (had) throw new KeyConfigError(`${from}: the ${role} key of "${slug}" is also set by ${had}; set it once`);
    if (key.length < MIN_KEY_LENGTH) throw new KeyConfigError(`${from}: the ${role} key of "${slug}" must be at least ${MIN_KEY_LENGTH} characters`);
    origin.set(`${slug} ${role}`, from);
    (keys[slug] ??= {})[role] = key;
  };

  const credentials = src.env['CREDENTIALS_DIRECTORY'];
  const keysFile = src.env['KEYS_FILE'];
  const readFile = (path: string, name: string, optional: boolean): string | undefined => {
    try {
      return src.readSecret(path);
    } catch (err) {
      if (optional && (err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new KeyConfigError(`${name}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
    }
  };
  const file = keysFile ?? (credentials ? `${credentials}/keys` : undefined);
  const text = file ? readFile(file, 'KEYS_FILE', !keysFile) : undefined;
  if (text !== undefined) {
    for (const [slug, k] of Object.entries(parseKeysFile(text, keysFile ? 'KEYS_FILE' : 'the credential "keys"'))) {
      if (k.presenter !== undefined) add(slug, 'presenter', k.presenter, `KEYS_FILE (${file})`);
      if (k.moderator !== undefined) add(slug, 'moderator', k.moderator, `KEYS_FILE (${file})`);
    }
  }

  for (const [name, value] of Object.entries(src.env)) {
    const m = /^(PRESENTER|MODERATOR)_KEY_([A-Z0-9_]+)$/.exec(name);
    if (!m || value === undefined || value === '' || name === 'PRESENTER_KEY_FILE') continue;
    const slug = slugOfVariable(m[2]!);
    if (!SLUG.test(slug)) throw new KeyConfigError(`${name}: "${slug}" is not a talk slug (use the slug upper-cased, dashes as underscores: PRESENTER_KEY_MY_TALK)`);
    add(slug, m[1] === 'PRESENTER' ? 'presenter' : 'moderator', value, name);
  }

  if (credentials) {
    let names: string[] = [];
    try {
      names = src.listSecrets(credentials);
    } catch {
      // no credentials folder: nothing to read from it
    }
    for (const name of names) {
      const m = /^(presenter|moderator)-key-([a-z0-9-]+)$/.exec(name);
      if (!m) continue;
      const key = readFile(`${credentials}/${name}`, `the credential "${name}"`, false)!.trim();
      add(m[2]!, m[1] as KeyedRole, key, `the credential "${name}"`);
    }
  }

  for (const [slug, k] of Object.entries(keys)) {
    if (k.presenter !== undefined && k.presenter === k.moderator) throw new KeyConfigError(`"${slug}": the presenter and moderator keys must differ`);
    for (const role of ['presenter', 'moderator'] as const) {
      if (src.admin !== undefined && k[role] === src.admin) throw new KeyConfigError(`"${slug}": the ${role} key repeats PRESENTER_KEY (the admin key for every talk); choose another`);
    }
  }
  return keys;
}
