import { describe, expect, it } from 'vitest';
import { createTextFilter, deckWordLists, joinSpacedLetters, parseTermList, screenAll, screenText } from '../../../server/domain/text-filter.js';

describe('screenText: obscenity English dataset', () => {
  it('flags profanity whatever the case, leetspeak, look-alike letters or repeats', () => {
    for (const text of ['fuck', 'FUCK this', 'sh1t', '$hit', 'fuuuuuck', 'ƒuck', 'f*ck', 'what the fück']) {
      expect(screenText(text), text).toMatchObject({ flagged: true });
    }
  });

  it('flags letters spaced or dotted apart', () => {
    for (const text of ['f u c k', 'f.u.c.k', 's-h-i-t happens']) expect(screenText(text), text).toMatchObject({ flagged: true });
  });

  it('does not flag ordinary words that contain a bad one (Scunthorpe, assessment, grapes)', () => {
    for (const text of ['Scunthorpe', 'assessment', 'class', 'grapes', 'Sussex', 'analysis', 'cocktail', 'title', 'a b c', 'I am ok', 'hello world', 'DNS']) {
      expect(screenText(text), text).toEqual({ flagged: false, reasons: [] });
    }
  });

  it('says what matched (for the moderator)', () => {
    expect(screenText('sh1t')).toEqual({ flagged: true, reasons: ['profanity: shit'] });
  });

  it('can run without the dataset (lists only)', () => {
    expect(screenText('fuck', { dataset: false })).toEqual({ flagged: false, reasons: [] });
  });
});

describe('screenText: block and allow lists', () => {
  const lists = { block: ['Kubernetes', 'bank*', 'c++'], allow: [] };

  it('flags a block-listed word as a whole word, whatever the case and leetspeak', () => {
    for (const text of ['kubernetes', 'I love KUBERNETES!', 'kub3rn3t3s', 'k u b e r n e t e s']) {
      expect(screenText(text, lists), text).toEqual({ flagged: true, reasons: ['blocklist: kubernetes'] });
    }
    expect(screenText('kubernetesrocks', lists).flagged).toBe(false);
  });

  it('a * end matches inside longer words', () => {
    expect(screenText('bankers', lists).flagged).toBe(true);
    expect(screenText('riverbank', lists).flagged).toBe(false);
  });

  it('treats pattern characters in a term as letters', () => {
    expect(() => createTextFilter({ block: ['a[b', 'x|y', 'why?', 'back\\slash'] })).not.toThrow();
  });

  it('never flags an allow-listed word: a dataset word or a block-listed one', () => {
    expect(screenText('sex education', { allow: ['sex'] }).flagged).toBe(false);
    expect(screenText('s3x', { allow: ['sex'] }).flagged).toBe(false);
    expect(screenText('kubernetes', { block: ['kubernetes'], allow: ['Kubernetes'] }).flagged).toBe(false);
    // the rest of the dataset still applies
    expect(screenText('shit', { allow: ['sex'] }).flagged).toBe(true);
  });

  it('screens several texts at once: flagged if any is', () => {
    const filter = createTextFilter({ block: ['spam'] });
    expect(screenAll(filter, ['fine', 'spam'])).toEqual({ flagged: true, reasons: ['blocklist: spam'] });
    expect(screenAll(filter, ['fine', 'also fine'])).toEqual({ flagged: false, reasons: [] });
  });
});

describe('list sources', () => {
  it('reads a server list file: one term per line, comments and blanks dropped, lowercased', () => {
    expect(parseTermList('# venue list\nFoo\n\n  bar baz  \r\nfoo\n')).toEqual(['foo', 'bar baz']);
  });

  it("reads a deck's front matter lists, as a list or comma-separated text", () => {
    expect(deckWordLists({ blocklist: ['A', 'b'], allowlist: 'sex, Scunthorpe' })).toEqual({ block: ['a', 'b'], allow: ['sex', 'scunthorpe'] });
    expect(deckWordLists({})).toEqual({ block: [], allow: [] });
    expect(deckWordLists({ blocklist: { nested: true } })).toEqual({ block: [], allow: [] });
  });

  it('joins spaced letters only in runs of three or more single letters', () => {
    expect(joinSpacedLetters('f u c k you')).toBe('fuck you');
    expect(joinSpacedLetters('a b')).toBe('a b');
    expect(joinSpacedLetters('Plan B is ok')).toBe('Plan B is ok');
  });
});

describe('cost', () => {
  it('screens a 280-character question in well under a millisecond once compiled (reported)', () => {
    const filter = createTextFilter({ block: ['kubernetes'] });
    const text = 'How do you deploy a stateful service across regions without losing writes, and what did the migration cost you in practice? '.repeat(3).slice(0, 280);
    filter.screen(text);
    const n = 2_000;
    const started = performance.now();
    for (let i = 0; i < n; i++) filter.screen(text);
    const perText = (performance.now() - started) / n;
    console.log(`text filter: ${(perText * 1000).toFixed(1)} µs per 280-character text`);
    expect(perText).toBeLessThan(50); // a loose sanity bound; the number above is the measurement
  });
});
