/**
 * Failed presenter-key attempts per client address: after `free` failures each further one locks the
 * address out for twice as long as the last (1 s, 2 s, 4 s … up to 5 min). A success clears it.
 * Guessing a 24-character key was never practical; this keeps logs and CPU quiet too.
 */
export interface KeyLockoutOptions {
  /** Wrong keys allowed before the first lockout. */
  free?: number;
  /** The first lockout; each further failure doubles it. */
  baseMs?: number;
  /** The longest lockout. */
  maxMs?: number;
  /** The clock, in ms (tests pass a manual one). */
  now?: () => number;
}

/** Counts wrong presenter keys per address and says how long each must wait. */
export function createKeyLockout(opts: KeyLockoutOptions = {}) {
  const { free = 5, baseMs = 1_000, maxMs = 5 * 60_000, now = Date.now } = opts;
  const failures = new Map<string, { count: number; until: number }>();

  return {
    /** Milliseconds this address must still wait, or 0. */
    lockedFor(address: string): number {
      const f = failures.get(address);
      return f ? Math.max(0, f.until - now()) : 0;
    },
    /** Counts a wrong key from this address. */
    failed(address: string) {
      const f = failures.get(address) ?? { count: 0, until: 0 };
      f.count++;
      if (f.count > free) f.until = now() + Math.min(maxMs, baseMs * 2 ** (f.count - free - 1));
      failures.set(address, f);
      // bounded: an attacker cycling addresses cannot grow this without limit
      if (failures.size > 100_000) failures.delete(failures.keys().next().value!);
    },
    /** The right key from this address: forget its failures. */
    succeeded(address: string) {
      failures.delete(address);
    },
  };
}

export type KeyLockout = ReturnType<typeof createKeyLockout>;
