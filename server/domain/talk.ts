import { ErrorCode, LecternError } from './errors.js';

/** A command that moves the current slide. */
export type SlideCommand = { kind: 'goto'; index: number } | { kind: 'next' } | { kind: 'prev' };

/**
 * The slide a command lands on. `goto` outside the deck is refused; `next` on the last slide and
 * `prev` on the first stay put, because a clicker pressed once too often is not an error.
 */
export function targetSlide(command: SlideCommand, current: number, slideCount: number): number {
  switch (command.kind) {
    case 'goto':
      if (!Number.isInteger(command.index) || command.index < 0 || command.index >= slideCount) {
        throw new LecternError(
          ErrorCode.outOfRange,
          `Slide index ${command.index} is out of range: this talk has slides 0 to ${slideCount - 1}.`,
        );
      }
      return command.index;
    case 'next':
      return Math.min(current + 1, slideCount - 1);
    case 'prev':
      return Math.max(current - 1, 0);
  }
}

/** Keeps a stored slide index valid after the deck was edited to fewer slides. */
export function clampSlide(index: number, slideCount: number): number {
  return Math.max(0, Math.min(index, slideCount - 1));
}
