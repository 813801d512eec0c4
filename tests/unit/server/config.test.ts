import { describe, expect, it, test } from 'vitest';
import { ConfigError, EXAMPLE_DECK, parseConfig } from '../../../server/config.js';

describe('parseConfig', () => {
  it('defaults to the example deck, port 3000, PGlite in ./data, no admin key and 12 h sessions', () => {
    const c = parseConfig({}, []);
    expect(c.decks).toEqual([EXAMPLE_DECK]);
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
    // no admin key: each talk gets keys of its own at start (server/auth/keys.ts)
    expect(c.presenterKey).toBeUndefined();
    expect(c.talkKeys).toEqual({});
    expect(c.sessionIdleMs).toBe(12 * 3_600_000);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads env and resolves deck paths', () => {
    const c = parseConfig(
      { PORT: '8080', PRESENTER_KEY: 'correct-horse', DATABASE_URL: 'postgres://u@db/lectern', PUBLIC_URL: 'https://talks.example.org/' },
      ['talk.md'],
    );
    expect(c.port).toBe(8080);
    expect(c.presenterKey).toBe('correct-horse');
    expect(c.publicUrl).toBe('https://talks.example.org');
    expect(c.decks[0]).toMatch(/^\/.*talk\.md$/);
  });

  it('treats empty values as unset', () => {
    expect(parseConfig({ DATABASE_URL: '', PORT: '' }, []).databaseUrl).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PRESENTER_KEY: 'short' }, 'PRESENTER_KEY'],
    [{ PUBLIC_URL: 'not a url' }, 'PUBLIC_URL'],
  ])('refuses %o naming %s', (env, name) => {
    expect(() => parseConfig(env, [])).toThrowError(ConfigError);
    expect(() => parseConfig(env, [])).toThrowError(new RegExp(name));
  });

  it('refuses unknown flags', () => {
    expect(() => parseConfig({}, ['--verbose'])).toThrowError(/Unknown option --verbose/);
  });
});

describe('a presenter key kept in a file', () => {
  const files: Record<string, string> = { '/run/secrets/key': 'from-a-file-0123\n', '/run/credentials/lectern.service/presenter-key': 'from-systemd-4567\n', '/short': 'abc\n' };
  const read = (path: string) => {
    if (path in files) return files[path]!;
    throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  };

  test('PRESENTER_KEY_FILE names it; the trailing newline is not part of it', () => {
    const c = parseConfig({ PRESENTER_KEY_FILE: '/run/secrets/key' }, [], read);
    expect(c.presenterKey).toBe('from-a-file-0123');
  });

  test("systemd's credential (LoadCredential=presenter-key:…) is read from $CREDENTIALS_DIRECTORY", () => {
    const c = parseConfig({ CREDENTIALS_DIRECTORY: '/run/credentials/lectern.service' }, [], read);
    expect(c.presenterKey).toBe('from-systemd-4567');
    // a credentials directory without that credential: no admin key (talks get keys of their own)
    expect(parseConfig({ CREDENTIALS_DIRECTORY: '/run/credentials/other' }, [], read).presenterKey).toBeUndefined();
  });

  test('a missing or short key file, or a key given twice, is a configuration error naming the variable', () => {
    expect(() => parseConfig({ PRESENTER_KEY_FILE: '/nope' }, [], read)).toThrowError(/PRESENTER_KEY_FILE: cannot read \/nope \(ENOENT\)/);
    expect(() => parseConfig({ PRESENTER_KEY_FILE: '/short' }, [], read)).toThrowError(/at least 8 characters/);
    expect(() => parseConfig({ PRESENTER_KEY: 'long-enough-key', PRESENTER_KEY_FILE: '/run/secrets/key' }, [], read)).toThrowError(/not both/);
  });
});

describe('keys per talk', () => {
  const files: Record<string, string> = {
    '/keys.json': JSON.stringify({ 'my-talk': { presenter: 'json-presenter-1', moderator: 'json-moderator-1' } }),
    '/keys.txt': '# slug role key\nmy-talk moderator text-moderator-1\nother presenter text-presenter-2\n',
    '/bad.txt': 'my-talk speaker some-long-key\n',
    '/creds/moderator-key-my-talk': 'cred-moderator-3\n',
    '/creds/presenter-key': 'admin-from-cred-4\n',
  };
  const read = (path: string) => {
    if (path in files) return files[path]!;
    throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  };
  const list = (dir: string) => Object.keys(files).filter((f) => f.startsWith(dir + '/')).map((f) => f.slice(dir.length + 1));

  test('PRESENTER_KEY_<SLUG> and MODERATOR_KEY_<SLUG>: the slug upper-cased, dashes as underscores', () => {
    const c = parseConfig({ PRESENTER_KEY_MY_TALK: 'env-presenter-1', MODERATOR_KEY_MY_TALK: 'env-moderator-1', PRESENTER_KEY: 'the-admin-key' }, [], read, list);
    expect(c.talkKeys).toEqual({ 'my-talk': { presenter: 'env-presenter-1', moderator: 'env-moderator-1' } });
    expect(c.presenterKey).toBe('the-admin-key');
  });

  test('a keys file, as JSON or as "slug role key" lines', () => {
    expect(parseConfig({ KEYS_FILE: '/keys.json' }, [], read, list).talkKeys).toEqual({ 'my-talk': { presenter: 'json-presenter-1', moderator: 'json-moderator-1' } });
    expect(parseConfig({ KEYS_FILE: '/keys.txt' }, [], read, list).talkKeys).toEqual({ 'my-talk': { moderator: 'text-moderator-1' }, other: { presenter: 'text-presenter-2' } });
  });

  test("systemd credentials presenter-key-<slug> / moderator-key-<slug> (the NixOS module's key files)", () => {
    const c = parseConfig({ CREDENTIALS_DIRECTORY: '/creds' }, [], read, list);
    expect(c.talkKeys).toEqual({ 'my-talk': { moderator: 'cred-moderator-3' } });
    expect(c.presenterKey).toBe('admin-from-cred-4');
  });

  test('mistakes are configuration errors that name where the key came from', () => {
    expect(() => parseConfig({ KEYS_FILE: '/bad.txt' }, [], read, list)).toThrowError(/KEYS_FILE line 1: the role must be presenter or moderator/);
    expect(() => parseConfig({ KEYS_FILE: '/nope' }, [], read, list)).toThrowError(/KEYS_FILE: cannot read \/nope/);
    expect(() => parseConfig({ MODERATOR_KEY_MY_TALK: 'short' }, [], read, list)).toThrowError(/MODERATOR_KEY_MY_TALK: .*at least 8/);
    expect(() => parseConfig({ KEYS_FILE: '/keys.txt', MODERATOR_KEY_MY_TALK: 'another-key-1' }, [], read, list)).toThrowError(/also set by/);
    expect(() => parseConfig({ PRESENTER_KEY_A: 'same-key-123', MODERATOR_KEY_A: 'same-key-123' }, [], read, list)).toThrowError(/must differ/);
    expect(() => parseConfig({ PRESENTER_KEY: 'same-key-123', MODERATOR_KEY_A: 'same-key-123' }, [], read, list)).toThrowError(/repeats PRESENTER_KEY/);
    expect(() => parseConfig({ SESSION_IDLE_HOURS: '0' }, [], read, list)).toThrowError(/SESSION_IDLE_HOURS/);
  });
});
