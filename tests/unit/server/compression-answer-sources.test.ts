import { afterEach, describe, expect, it, vi } from 'vitest';
import { pickEncoding } from '../../../server/middleware/compression.js';
import { createAnswerSources, type AnswerSources } from '../../../server/live/answer-sources.js';

describe('pickEncoding', () => {
  it('prefers brotli, honours q-values and refusals', () => {
    expect(pickEncoding('gzip, deflate, br')).toBe('br');
    expect(pickEncoding('gzip')).toBe('gzip');
    expect(pickEncoding('br;q=0.5, gzip;q=0.9')).toBe('gzip');
    expect(pickEncoding('br;q=0, gzip;q=0, identity')).toBeUndefined();
    expect(pickEncoding('*')).toBe('br');
    expect(pickEncoding('identity')).toBeUndefined();
    expect(pickEncoding(undefined)).toBeUndefined();
  });
});

describe('createAnswerSources', () => {
  afterEach(() => vi.useRealTimers());

  it('counts devices and addresses of the latest poll, at most one update a second', () => {
    vi.useFakeTimers();
    const sent: [string, AnswerSources][] = [];
    const sources = createAnswerSources({ emit: (slug, s) => sent.push([slug, s]) });
    sources.answered('talk', 1, 'q1', 'voter-a', '10.0.0.1');
    sources.answered('talk', 1, 'q1', 'voter-b', '10.0.0.1');
    sources.answered('talk', 1, 'q1', 'voter-b', '10.0.0.1'); // a changed answer is the same device
    vi.advanceTimersByTime(0);
    expect(sent).toEqual([['talk', { poll: 'q1', devices: 2, addresses: 1 }]]);
    sources.answered('talk', 1, 'q1', 'voter-c', '2001:db8::1');
    sources.answered('talk', 1, 'q1', 'voter-d', '2001:db8::2'); // the same /64
    vi.advanceTimersByTime(500);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(500);
    expect(sent.at(-1)).toEqual(['talk', { poll: 'q1', devices: 4, addresses: 2 }]);
    // a new poll starts over
    sources.answered('talk', 1, 'q2', 'voter-a', '10.0.0.1');
    vi.advanceTimersByTime(1_000);
    expect(sources.current('talk')).toEqual({ poll: 'q2', devices: 1, addresses: 1 });
    expect(sent.at(-1)).toEqual(['talk', { poll: 'q2', devices: 1, addresses: 1 }]);
    sources.close();
  });
});
