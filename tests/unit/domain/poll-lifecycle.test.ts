import { describe, expect, it } from 'vitest';
import type { PollSpec } from '../../../contract/poll.js';
import { planSlideChange, type PollFacts } from '../../../server/domain/poll-lifecycle.js';

const poll = (id: string, over: Partial<PollSpec> = {}): PollSpec => ({ id, question: `${id}?`, type: 'single', options: ['a', 'b'], open: 'auto', close: 'manual', results: 'visible', ...over });
const row = (over: Partial<PollFacts> = {}): PollFacts => ({ status: 'closed', openedAt: null, slideIndex: 1, ...over });
const facts = (rows: Record<string, PollFacts>, active: string | null = null) => ({ rows: new Map(Object.entries(rows)), active });

describe('planSlideChange', () => {
  it('creates, opens and shows an auto poll the first time its slide is reached', () => {
    const lunch = poll('lunch');
    expect(planSlideChange({ from: 0, to: 1, reached: lunch }, facts({}))).toEqual({ close: null, create: lunch, open: 'lunch', show: 'lunch', announce: true });
  });

  it('creates a manual poll closed, and still puts it on screen', () => {
    const plan = planSlideChange({ from: 0, to: 1, reached: poll('q', { open: 'manual' }) }, facts({}));
    expect(plan).toMatchObject({ open: null, show: 'q', announce: true });
    expect(plan.create?.id).toBe('q');
  });

  it('does not reopen an auto poll that was opened before, unless it closes on leave', () => {
    const opened = facts({ lunch: row({ openedAt: 5 }) });
    expect(planSlideChange({ from: 2, to: 1, reached: poll('lunch') }, opened)).toMatchObject({ create: null, open: null, show: 'lunch' });
    expect(planSlideChange({ from: 2, to: 1, reached: poll('lunch', { close: 'on-leave' }) }, opened)).toMatchObject({ open: 'lunch', show: 'lunch' });
  });

  it('never reopens a quiz question whose answer was shown, even one that closes on leave', () => {
    const shown = facts({ quiz: row({ openedAt: 5, correctShownAt: 9 }) });
    expect(planSlideChange({ from: 2, to: 1, reached: poll('quiz', { close: 'on-leave', correct: ['a'] }) }, shown)).toMatchObject({ open: null, show: 'quiz' });
  });

  it('closes the left slide\'s on-leave poll and takes it off screen', () => {
    const left = poll('lunch', { close: 'on-leave' });
    const plan = planSlideChange({ from: 1, to: 2, left }, facts({ lunch: row({ status: 'open', openedAt: 5 }) }, 'lunch'));
    expect(plan).toEqual({ close: 'lunch', create: null, open: null, show: null, announce: true });
  });

  it('leaves a manual-close poll open when its slide is left', () => {
    const plan = planSlideChange({ from: 1, to: 2, left: poll('lunch') }, facts({ lunch: row({ status: 'open', openedAt: 5 }) }, 'lunch'));
    expect(plan).toMatchObject({ close: null, show: null, announce: true });
  });

  it('announces nothing and changes nothing between two slides without polls', () => {
    expect(planSlideChange({ from: 3, to: 4 }, facts({}))).toEqual({ close: null, create: null, open: null, show: undefined, announce: false });
  });

  it('keeps an open ad-hoc poll on screen while moving between slides without polls', () => {
    const run = facts({ adhoc: row({ status: 'open', openedAt: 5, slideIndex: null }) }, 'adhoc');
    expect(planSlideChange({ from: 3, to: 4 }, run)).toMatchObject({ show: undefined, announce: false });
  });

  it('replaces an open ad-hoc poll when the presenter reaches a slide with a poll, but not without a move', () => {
    const run = facts({ adhoc: row({ status: 'open', openedAt: 5, slideIndex: null }) }, 'adhoc');
    expect(planSlideChange({ from: 3, to: 4, reached: poll('q4') }, run)).toMatchObject({ show: 'q4', announce: true });
    expect(planSlideChange({ from: null, to: 4, reached: poll('q4') }, run)).toMatchObject({ show: undefined, open: 'q4' });
  });

  it('on a restart or reload (no move) reopens nothing and announces the poll on screen again', () => {
    const run = facts({ lunch: row({ openedAt: 5 }) }, 'lunch');
    expect(planSlideChange({ from: null, to: 1, reached: poll('lunch', { close: 'on-leave' }) }, run)).toEqual({ close: null, create: null, open: null, show: undefined, announce: true });
  });

  it('staying on the same slide closes nothing', () => {
    const run = facts({ lunch: row({ status: 'open', openedAt: 5 }) }, 'lunch');
    expect(planSlideChange({ from: 1, to: 1, left: poll('lunch', { close: 'on-leave' }), reached: poll('lunch', { close: 'on-leave' }) }, run)).toMatchObject({ close: null, open: null, announce: false });
  });
});
