import { describe, expect, it } from 'vitest';
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
