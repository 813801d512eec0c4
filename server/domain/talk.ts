import { ErrorCode, LecternError } from './errors.js';

/** A command that moves the talk: to a slide (and step), or one step on or back. */
export type SlideCommand = { kind: 'goto'; index: number; step?: number } | { kind: 'next' } | { kind: 'prev' };

/** Where a talk is: the slide, and how many of its build steps are revealed (0: none yet). */
export interface Position {
  slide: number;
  step: number;
}

/**
 * The position a command lands on, given each slide's number of build steps. Next and previous
 * walk the steps before the slides; going back onto a slide shows it fully built (as reveal.js
 * does); `goto` lands on step 0 unless a step is given. `goto` outside the deck is refused;
 * `next` at the very end and `prev` at the very start stay put, because a clicker pressed once
 * too often is not an error.
 */
export function targetPosition(command: SlideCommand, current: Position, steps: readonly number[]): Position {
  const slideCount = steps.length;
  switch (command.kind) {
    case 'goto': {
      if (!Number.isInteger(command.index) || command.index < 0 || command.index >= slideCount) {
        throw new LecternError(ErrorCode.outOfRange, `Slide index ${command.index} is out of range: this talk has slides 0 to ${slideCount - 1}.`);
      }
      const step = command.step ?? 0;
      const max = steps[command.index]!;
      if (!Number.isInteger(step) || step < 0 || step > max) {
        throw new LecternError(ErrorCode.outOfRange, `Step ${step} is out of range: slide ${command.index} has steps 0 to ${max}.`);
      }
      return { slide: command.index, step };
    }
    case 'next':
      if (current.step < (steps[current.slide] ?? 0)) return { slide: current.slide, step: current.step + 1 };
      return current.slide < slideCount - 1 ? { slide: current.slide + 1, step: 0 } : current;
    case 'prev':
      if (current.step > 0) return { slide: current.slide, step: current.step - 1 };
      return current.slide > 0 ? { slide: current.slide - 1, step: steps[current.slide - 1] ?? 0 } : current;
  }
}

/** The slide a command lands on (positions without builds). */
export function targetSlide(command: SlideCommand, current: number, slideCount: number): number {
  return targetPosition(command, { slide: current, step: 0 }, Array.from({ length: slideCount }, () => 0)).slide;
}

/** Keeps a stored slide index valid after the deck was edited to fewer slides. */
export function clampSlide(index: number, slideCount: number): number {
  return Math.max(0, Math.min(index, slideCount - 1));
}

/** Keeps a stored step valid for its slide (an edit may have removed steps). */
export function clampStep(step: number, steps: number): number {
  return Math.max(0, Math.min(step, steps));
}
