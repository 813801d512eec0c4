import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../../server/config.js';

describe('word lists in the configuration', () => {
  const files: Record<string, string> = { '/etc/lectern/block.txt': '# venue list\nKubernetes\n\nbank*\n', '/etc/lectern/allow.txt': 'Scunthorpe\n' };
  const read = (path: string) => {
    if (path in files) return files[path]!;
    throw Object.assign(new Error('missing'), { code: 'ENOENT' });
  };

  it('reads BLOCKLIST_FILE and ALLOWLIST_FILE, one term a line; the English dataset is on by default', () => {
    const c = parseConfig({ BLOCKLIST_FILE: '/etc/lectern/block.txt', ALLOWLIST_FILE: '/etc/lectern/allow.txt' }, [], read);
    expect(c.wordLists).toEqual({ dataset: true, block: ['kubernetes', 'bank*'], allow: ['scunthorpe'] });
    expect(parseConfig({}, [], read).wordLists).toEqual({ dataset: true, block: [], allow: [] });
  });

  it('PROFANITY_FILTER=off leaves only the lists', () => {
    expect(parseConfig({ PROFANITY_FILTER: 'off' }, [], read).wordLists.dataset).toBe(false);
    expect(() => parseConfig({ PROFANITY_FILTER: 'german' }, [], read)).toThrowError(/PROFANITY_FILTER/);
  });

  it('an unreadable list file stops the start with its name', () => {
    expect(() => parseConfig({ BLOCKLIST_FILE: '/nope.txt' }, [], read)).toThrowError(ConfigError);
    expect(() => parseConfig({ BLOCKLIST_FILE: '/nope.txt' }, [], read)).toThrowError(/BLOCKLIST_FILE: cannot read \/nope.txt \(ENOENT\)/);
  });
});
