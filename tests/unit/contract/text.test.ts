import { describe, expect, it } from 'vitest';
import { codePointLength, cutText, excerpt, stripBidiControls } from '../../../contract/text.js';
import { acceptQuestion } from '../../../server/domain/qa.js';
import { acceptVote } from '../../../server/domain/poll.js';
import type { PollSpec } from '../../../contract/poll.js';

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('cutText', () => {
  it('never cuts a surrogate pair in half where a 40-unit slice would', () => {
    const name = 'a' + '😀'.repeat(30); // 61 UTF-16 units, 31 code points
    expect(LONE_SURROGATE.test(name.slice(0, 40))).toBe(true); // the old cut
    const cut = cutText('a'.repeat(39) + '😀😀', 40);
    expect(cut).toBe('a'.repeat(39) + '😀');
    expect(LONE_SURROGATE.test(cut)).toBe(false);
    expect(codePointLength(cutText('😀'.repeat(50), 40))).toBe(40);
  });

  it('keeps a grapheme whole: a flag, a family emoji, an accent', () => {
    // 🇫🇷 is two code points; at 39 + 2 > 40 it is left out rather than halved
    expect(cutText('x'.repeat(39) + '🇫🇷', 40)).toBe('x'.repeat(39));
    expect(cutText('e\u0301e\u0301', 3)).toBe('e\u0301');
    expect(cutText('👩‍👩‍👧 ok', 3)).toBe('');
  });

  it('leaves short text alone and cuts to nothing at 0', () => {
    expect(cutText('short', 40)).toBe('short');
    expect(cutText('short', 0)).toBe('');
    expect(excerpt('abcdef', 3)).toBe('abc…');
    expect(excerpt('abc', 3)).toBe('abc');
  });
});

describe('stripBidiControls', () => {
  it('removes every bidi control, keeping right-to-left letters', () => {
    const all = '\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C';
    expect(stripBidiControls(`a${all}b`)).toBe('ab');
    expect(stripBidiControls('שלום عربي')).toBe('שלום عربي');
  });
});

describe('audience text through the domain rules', () => {
  it('a question or name with U+202E reads the way it was typed', () => {
    const q = acceptQuestion('open', 'Is \u202Eevil\u202C fixed?', '\u2067Bob\u2069');
    expect(q.text).toBe('Is evil fixed?');
    expect(q.name).toBe('Bob');
  });

  it('a long emoji name is cut on characters, never halfway through a pair', () => {
    const { name } = acceptQuestion('open', 'Why?', 'a' + '😀'.repeat(60));
    expect(codePointLength(name!)).toBe(40);
    expect(LONE_SURROGATE.test(name!)).toBe(false);
  });

  it('a question of only bidi controls is empty', () => {
    expect(() => acceptQuestion('open', '\u202E\u202E')).toThrow(expect.objectContaining({ code: 'empty_question' }));
  });

  it('text answers and words lose their bidi controls; length counts characters', () => {
    const text: PollSpec = { id: 't', question: 'Say', type: 'text' } as PollSpec;
    expect(acceptVote(text, 'open', 'abc\u202Edef')).toBe('abcdef');
    const words: PollSpec = { id: 'w', question: 'Words', type: 'words' } as PollSpec;
    expect(acceptVote(words, 'open', ['\u202Ednd', 'disks'])).toEqual(['dnd', 'disks']);
    // 40 emoji are 80 UTF-16 units but 40 characters: accepted
    expect(acceptVote(words, 'open', ['😀'.repeat(40)])).toEqual(['😀'.repeat(40)]);
    let err: unknown;
    try {
      acceptVote(words, 'open', ['😀'.repeat(41)]);
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'word_too_long' });
    expect(LONE_SURROGATE.test((err as Error).message)).toBe(false);
  });
});
