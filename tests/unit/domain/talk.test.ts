import { describe, expect, it } from 'vitest';
import { clampSlide, clampStep, targetPosition, targetSlide } from '../../../server/domain/talk.js';
import { LecternError } from '../../../server/domain/errors.js';

describe('targetSlide', () => {
  it('goes to a slide inside the deck', () => {
    expect(targetSlide({ kind: 'goto', index: 3 }, 0, 5)).toBe(3);
    expect(targetSlide({ kind: 'goto', index: 0 }, 4, 5)).toBe(0);
  });

  it.each([-1, 5, 99, 1.5, Number.NaN])('refuses goto %s on a 5-slide deck with out_of_range', (index) => {
    try {
      targetSlide({ kind: 'goto', index }, 0, 5);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(LecternError);
      expect((err as LecternError).code).toBe('out_of_range');
      expect((err as LecternError).message).toContain('0 to 4');
    }
  });

  it('moves next and prev, staying put at the edges', () => {
    expect(targetSlide({ kind: 'next' }, 1, 5)).toBe(2);
    expect(targetSlide({ kind: 'next' }, 4, 5)).toBe(4);
    expect(targetSlide({ kind: 'prev' }, 1, 5)).toBe(0);
    expect(targetSlide({ kind: 'prev' }, 0, 5)).toBe(0);
  });
});

describe('clampSlide', () => {
  it('keeps an index valid after a deck shrank', () => {
    expect(clampSlide(7, 3)).toBe(2);
    expect(clampSlide(1, 3)).toBe(1);
    expect(clampSlide(-2, 3)).toBe(0);
  });
});

describe('targetPosition: steps before slides', () => {
  // slide 0: no build; slide 1: three steps; slide 2: one step
  const steps = [0, 3, 1];
  const at = (slide: number, step: number) => ({ slide, step });

  it('next reveals the next step, then moves to the next slide at step 0', () => {
    const walk = [at(0, 0)];
    for (let i = 0; i < 7; i++) walk.push(targetPosition({ kind: 'next' }, walk.at(-1)!, steps));
    expect(walk).toEqual([at(0, 0), at(1, 0), at(1, 1), at(1, 2), at(1, 3), at(2, 0), at(2, 1), at(2, 1)]);
  });

  it('prev hides the newest step, and going back onto a slide shows it fully built', () => {
    expect(targetPosition({ kind: 'prev' }, at(1, 2), steps)).toEqual(at(1, 1));
    expect(targetPosition({ kind: 'prev' }, at(2, 0), steps)).toEqual(at(1, 3));
    expect(targetPosition({ kind: 'prev' }, at(1, 0), steps)).toEqual(at(0, 0));
    expect(targetPosition({ kind: 'prev' }, at(0, 0), steps)).toEqual(at(0, 0));
  });

  it('goto lands on step 0 unless a step is given, and refuses a step the slide does not have', () => {
    expect(targetPosition({ kind: 'goto', index: 1 }, at(2, 1), steps)).toEqual(at(1, 0));
    expect(targetPosition({ kind: 'goto', index: 1, step: 3 }, at(0, 0), steps)).toEqual(at(1, 3));
    expect(() => targetPosition({ kind: 'goto', index: 1, step: 4 }, at(0, 0), steps)).toThrowError(/Step 4 is out of range: slide 1 has steps 0 to 3/);
    expect(() => targetPosition({ kind: 'goto', index: 0, step: -1 }, at(0, 0), steps)).toThrowError(LecternError);
  });

  it('keeps a stored step within what an edited slide still has', () => {
    expect(clampStep(5, 2)).toBe(2);
    expect(clampStep(1, 3)).toBe(1);
  });
});
