import { describe, expect, it } from 'vitest';
import { parsePoll, pollIdFrom, pollSpecFrom } from '../../../server/deck/polls.js';
import { LecternError } from '../../../server/domain/errors.js';

const DEFAULTS = { open: 'auto', close: 'manual', results: 'visible' };

describe('poll types with defaults', () => {
  it('single: the default type when options are given; YAML numbers become text', () => {
    expect(parsePoll('id: breaks\nquestion: What breaks?\noptions: [DNS, 42, "Me, at 2am"]')).toEqual({
      ...DEFAULTS, id: 'breaks', question: 'What breaks?', type: 'single', options: ['DNS', '42', 'Me, at 2am'],
    });
  });

  it('multiple: max defaults to the option count, and can be lower', () => {
    expect(parsePoll('question: Pick\ntype: multiple\noptions: [a, b, c]')).toMatchObject({ type: 'multiple', max: 3 });
    expect(parsePoll('question: Pick\ntype: multiple\nmax: 2\noptions: [a, b, c]')).toMatchObject({ max: 2 });
  });

  it('words: three words per answer by default', () => {
    expect(parsePoll('question: One word?\ntype: words')).toEqual({ ...DEFAULTS, id: 'one-word', question: 'One word?', type: 'words', max: 3 });
  });

  it('scale: 1 to 5 by default, with optional end labels', () => {
    expect(parsePoll('question: Sure?\ntype: scale')).toEqual({ ...DEFAULTS, id: 'sure', question: 'Sure?', type: 'scale', scaleMin: 1, scaleMax: 5 });
    expect(parsePoll('question: NPS\ntype: scale\nmin: 0\nmax: 10\nlabels: [never, always]')).toMatchObject({
      scaleMin: 0, scaleMax: 10, labels: ['never', 'always'],
    });
  });

  it('text: open answers, with open/close/results settings honoured', () => {
    expect(parsePoll('question: Next?\ntype: text\nopen: manual\nclose: on-leave\nresults: hidden')).toEqual({
      id: 'next', question: 'Next?', type: 'text', open: 'manual', close: 'on-leave', results: 'hidden',
    });
  });
});

describe('poll ids', () => {
  it('derives a stable slug from the question', () => {
    expect(pollIdFrom('What breaks in your homelab?')).toBe('what-breaks-in-your-homelab');
    expect(pollIdFrom('Café — naïve?')).toBe('cafe-naive');
  });

  it('keeps long derived ids short, cut at a word boundary', () => {
    const id = pollIdFrom('How many of the services running in your homelab would you honestly miss tomorrow?');
    expect(id.length).toBeLessThanOrEqual(48);
    expect(id).toBe('how-many-of-the-services-running-in-your');
  });

  it('hashes questions without Latin letters or digits', () => {
    expect(pollIdFrom('你好吗？')).toMatch(/^poll-[0-9a-f]{8}$/);
    expect(pollIdFrom('你好吗？')).not.toBe(pollIdFrom('再见？'));
  });
});

describe('ad-hoc polls (pollSpecFrom)', () => {
  it('apply the same defaults as a deck poll', () => {
    expect(pollSpecFrom({ question: 'Coffee or tea?', options: ['Coffee', 'Tea'] })).toEqual({
      ...DEFAULTS, id: 'coffee-or-tea', question: 'Coffee or tea?', type: 'single', options: ['Coffee', 'Tea'],
    });
  });

  it('refuse invalid combinations as a bad_request LecternError, without the deck wording', () => {
    const err = (() => {
      try {
        pollSpecFrom({ question: 'Rate it', type: 'scale', min: 3, max: 2 });
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(LecternError);
    expect(err).toMatchObject({ code: 'bad_request', message: '"min" (3) must be less than "max" (2)' });
  });
});

describe('moderation:', () => {
  it('pre holds every answer for approval; post (the default) is stored as absent', () => {
    expect(parsePoll('question: Words?\ntype: words\nmoderation: pre').moderation).toBe('pre');
    expect(parsePoll('question: Words?\ntype: words\nmoderation: post')).not.toHaveProperty('moderation');
    expect(parsePoll('question: Words?\ntype: words')).not.toHaveProperty('moderation');
  });

  it('anything else is refused with the values allowed', () => {
    expect(() => parsePoll('question: Words?\ntype: words\nmoderation: strict')).toThrow(/"moderation" must be pre or post/);
  });
});
