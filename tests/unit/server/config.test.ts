import { describe, expect, it, test } from 'vitest';
import { ConfigError, EXAMPLE_DECK, parseConfig } from '../../../server/config.js';

describe('parseConfig', () => {
  it('defaults to the example deck, port 3000, PGlite in ./data and a generated key', () => {
    const c = parseConfig({}, []);
    expect(c.decks).toEqual([EXAMPLE_DECK]);
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toMatch(/\/data$/);
    expect(c.presenterKeyGenerated).toBe(true);
    expect(c.presenterKey.length).toBeGreaterThanOrEqual(20);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('reads env and resolves deck paths', () => {
    const c = parseConfig(
      { PORT: '8080', PRESENTER_KEY: 'correct-horse', DATABASE_URL: 'postgres://u@db/lectern', PUBLIC_URL: 'https://talks.example.org/' },
      ['talk.md'],
    );
    expect(c.port).toBe(8080);
    expect(c.presenterKey).toBe('correct-horse');
    expect(c.presenterKeyGenerated).toBe(false);
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
    expect([c.presenterKey, c.presenterKeyGenerated]).toEqual(['from-a-file-0123', false]);
  });

  test("systemd's credential (LoadCredential=presenter-key:…) is read from $CREDENTIALS_DIRECTORY", () => {
    const c = parseConfig({ CREDENTIALS_DIRECTORY: '/run/credentials/lectern.service' }, [], read);
    expect([c.presenterKey, c.presenterKeyGenerated]).toEqual(['from-systemd-4567', false]);
    // a credentials directory without that credential: the key is generated
    expect(parseConfig({ CREDENTIALS_DIRECTORY: '/run/credentials/other' }, [], read).presenterKeyGenerated).toBe(true);
  });

  test('a missing or short key file, or a key given twice, is a configuration error naming the variable', () => {
    expect(() => parseConfig({ PRESENTER_KEY_FILE: '/nope' }, [], read)).toThrowError(/PRESENTER_KEY_FILE: cannot read \/nope \(ENOENT\)/);
    expect(() => parseConfig({ PRESENTER_KEY_FILE: '/short' }, [], read)).toThrowError(/at least 8 characters/);
    expect(() => parseConfig({ PRESENTER_KEY: 'long-enough-key', PRESENTER_KEY_FILE: '/run/secrets/key' }, [], read)).toThrowError(/not both/);
  });
});
