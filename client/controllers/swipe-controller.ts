import type { ReactiveController, ReactiveElement } from 'lit';

/** Which way the finger moved: `left` means "show what comes next". */
export type SwipeDirection = 'left' | 'right';

/** Shorter moves are taps or scrolls, not swipes. */
const MIN_DISTANCE = 60;

/**
 * Reports horizontal swipes on its host element. Vertical scrolling stays the browser's: a move
 * counts only when it is clearly sideways. Touches that start in a form field,
 * a code block or a table are theirs.
 */
export class SwipeController implements ReactiveController {
  readonly #host: ReactiveElement;
  readonly #onSwipe: (direction: SwipeDirection) => void;
  #start?: { x: number; y: number };

  constructor(host: ReactiveElement, onSwipe: (direction: SwipeDirection) => void) {
    this.#host = host;
    this.#onSwipe = onSwipe;
    host.addController(this);
  }

  hostConnected(): void {
    this.#host.addEventListener('touchstart', this.#down, { passive: true });
    this.#host.addEventListener('touchend', this.#up, { passive: true });
  }

  hostDisconnected(): void {
    this.#host.removeEventListener('touchstart', this.#down);
    this.#host.removeEventListener('touchend', this.#up);
  }

  readonly #down = (e: TouchEvent) => {
    // fields keep their gestures, and code blocks and tables scroll sideways themselves
    const own = e.composedPath().some((el) => el instanceof HTMLElement && /^(INPUT|TEXTAREA|SELECT|PRE|TABLE)$/.test(el.tagName));
    const touch = e.touches[0];
    this.#start = e.touches.length === 1 && touch && !own ? { x: touch.clientX, y: touch.clientY } : undefined;
  };

  readonly #up = (e: TouchEvent) => {
    const start = this.#start;
    const touch = e.changedTouches[0];
    this.#start = undefined;
    if (!start || !touch) return;
    const dx = touch.clientX - start.x;
    const dy = touch.clientY - start.y;
    if (Math.abs(dx) >= MIN_DISTANCE && Math.abs(dx) > 2 * Math.abs(dy)) this.#onSwipe(dx < 0 ? 'left' : 'right');
  };
}
