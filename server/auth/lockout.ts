/**
 * Wrong keys per client address: after `free` failures each further one makes the address wait
 * twice as long as the last (1 s, 2 s, 4 s … up to 5 min) before its next wrong key is even
 * answered. One failure is forgiven per `forgiveMs` of quiet, so a stray wrong key now and then
 * (one every five minutes) never adds up to a lockout.
 *
 * The lockout only ever refuses *wrong* keys: the right key and a session are checked first and
 * always let in (server/auth/credentials.ts), so a room guessing behind the venue's shared address
 * cannot lock its presenter out. It slows and logs guessing; resistance to guessing comes from the
 * keys' length.
 */
export interface KeyLockoutOptions {
  /** Wrong keys allowed before the first lockout. */
  free?: number;
  /** The first lockout; each further failure doubles it. */
  baseMs?: number;
  /** The longest lockout. */
  maxMs?: number;
  /** One failure is forgotten per this much time without one. */
  forgiveMs?: number;
  /** The clock, in ms (tests pass a manual one). */
  now?: () => number;
}

/** Counts wrong keys per address and says how long each must wait. */
export function createKeyLockout(opts: KeyLockoutOptions = {}) {
  const { free = 5, baseMs = 1_000, maxMs = 5 * 60_000, forgiveMs = 60_000, now = Date.now } = opts;
  const failures = new Map<string, { count: number; at: number; until: number }>();

  /** The address's record with the quiet time since its last failure forgiven. */
  function current(address: string) {
    const f = failures.get(address);
    if (!f) return undefined;
    const t = now();
    const forgiven = Math.floor((t - f.at) / forgiveMs);
    if (forgiven > 0) {
      f.count = Math.max(0, f.count - forgiven);
      f.at += forgiven * forgiveMs;
      if (f.count === 0 && f.until <= t) {
        failures.delete(address);
        return undefined;
      }
    }
    return f;
  }

  return {
    /** Milliseconds this address must still wait before a wrong key is answered, or 0. */
    lockedFor(address: string): number {
      const f = current(address);
      return f ? Math.max(0, f.until - now()) : 0;
    },
    /** Wrong keys counted for this address, after forgiveness. */
    failures(address: string): number {
      return current(address)?.count ?? 0;
    },
    /** Counts a wrong key from this address. */
    failed(address: string) {
      const f = current(address) ?? { count: 0, at: now(), until: 0 };
      f.count++;
      f.at = now();
      if (f.count > free) f.until = now() + Math.min(maxMs, baseMs * 2 ** Math.min(30, f.count - free - 1));
      failures.set(address, f);
      // bounded: an attacker cycling addresses cannot grow this without limit
      if (failures.size > 100_000) failures.delete(failures.keys().next().value!);
    },
    /** The right key from this address: its own failures are not forgiven (others share the address). */
    succeeded(_address: string) {},
  };
}

export type KeyLockout = ReturnType<typeof createKeyLockout>;
