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

describe('quiz questions (correct:, points:)', () => {
  it('a single-choice question names its right option, matched whatever the letter case; points default to 1000', () => {
    const spec = parsePoll('question: Capital of Peru?\noptions: [Quito, Lima, Bogotá]\ncorrect: lima');
    expect(spec).toMatchObject({ type: 'single', correct: ['Lima'], points: 1000 });
  });

  it('a multiple-choice question may have several right options, kept in the options order', () => {
    const spec = parsePoll('question: Primes?\ntype: multiple\noptions: [2, 3, 4, 5]\ncorrect: [5, 2]\npoints: 500');
    expect(spec).toMatchObject({ correct: ['2', '5'], points: 500 });
  });

  it.each([
    ['question: Q?\noptions: [A, B]\ncorrect: C', /"correct": "C" is not one of the options/],
    ['question: Q?\noptions: [A, B]\ncorrect: [A, B]', /single-choice question has one right option/],
    ['question: Q?\ntype: multiple\nmax: 1\noptions: [A, B, C]\ncorrect: [A, B]', /lists 2 options but "max" allows 1/],
    ['question: Q?\noptions: [A, B]\npoints: 10', /"points" needs "correct"/],
    ['question: Q?\noptions: [A, B]\ncorrect: A\npoints: 0', /"points" must be between 1 and 10000/],
    ['question: Q?\noptions: [A, B]\ncorrect: A\nmoderation: pre', /cannot be pre-moderated/],
    ['question: Q?\ntype: words\ncorrect: A', /"correct" is not used by words polls/],
    ['question: Q?\ntype: scale\ncorrect: 3', /"correct" is not used by scale polls/],
  ])('refuses %j', (block, message) => expect(() => parsePoll(block)).toThrow(message));

  it('an ordinary poll has no quiz fields', () => {
    const spec = parsePoll('question: Q?\noptions: [A, B]');
    expect(spec).not.toHaveProperty('correct');
    expect(spec).not.toHaveProperty('points');
  });
});

describe('timer:', () => {
  it('gives any poll a countdown in seconds', () => {
    expect(parsePoll('question: Q?\noptions: [A, B]\ntimer: 30s').timer).toBe(30);
    expect(parsePoll('question: Q?\ntype: words\ntimer: 1m30s').timer).toBe(90);
    expect(parsePoll('question: Q?\ntype: text\ntimer: 45').timer).toBe(45);
    expect(parsePoll('question: Q?\ntype: text')).not.toHaveProperty('timer');
  });

  it('refuses what is not a duration, and countdowns too short or too long', () => {
    expect(() => parsePoll('question: Q?\ntype: text\ntimer: soon')).toThrow(/"timer" "soon" is not a duration/);
    expect(() => parsePoll('question: Q?\ntype: text\ntimer: 2s')).toThrow(/between 5 seconds and 60 minutes/);
    expect(() => parsePoll('question: Q?\ntype: text\ntimer: 2h')).toThrow(/between 5 seconds and 60 minutes/);
  });
});
