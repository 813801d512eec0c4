import { describe, expect, it } from 'vitest';
import { clampSlide, targetSlide } from '../../../server/domain/talk.js';
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
