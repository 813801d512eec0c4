/**
 * Issuing voter ids: a token bucket per client address bounds how many a script can mint, and a
 * burst of new ids from one address is reported (to the presenter) so stuffing is seen even
 * within the limit. A whole room often shares one NAT address, so the default lets 3,000 phones
 * join at once and then 10 more every second.
 */
import { createBuckets } from '../realtime/rate-limit.js';
import { newVoterId, signVoterId, voterFromCookieHeader } from './voter-cookie.js';

export interface VoterIdLimits {
  /** New ids one address may get at once. */
  burst: number;
  /** …and then per second. */
  perSecond: number;
  /** More new ids than this from one address within a minute is reported as a burst. */
  warnPerMinute: number;
}

export const DEFAULT_VOTER_ID_LIMITS: VoterIdLimits = { burst: 3_000, perSecond: 10, warnPerMinute: 300 };

const MINUTE_MS = 60_000;

/** A burst of new devices from one address, for the presenters of the talk it joined. */
export interface DeviceBurst {
  slug: string;
  /** New ids this address got in the last minute (refused ones included). */
  newIds: number;
  seconds: number;
  /** How many of them were refused (`rate_limited`). */
  refused: number;
}

/**
 * The key an address is limited by: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its /64,
 * since one device can take any address of its /64 at will.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!address.includes(':')) return address;
  const [head = '', tail] = address.split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16)).join(':')}::/64`;
}

/** Mints and reads voter ids; see the module comment. `now` is the clock (tests pass their own). */
export function createVoterIds(opts: { secret: string; limits?: Partial<VoterIdLimits>; now?: () => number }) {
  const limits = { ...DEFAULT_VOTER_ID_LIMITS, ...opts.limits };
  const now = opts.now ?? Date.now;
  const buckets = createBuckets({ rate: limits.perSecond, burst: limits.burst }, now);
  const windows = new Map<string, { start: number; minted: number; refused: number; reported: boolean }>();
  const listeners = new Set<(burst: DeviceBurst) => void>();
  const sweep = setInterval(() => {
    const t = now();
    for (const [key, w] of windows) if (t - w.start >= MINUTE_MS) windows.delete(key);
  }, MINUTE_MS);
  sweep.unref();

  function count(slug: string, key: string, refused: boolean) {
    const t = now();
    let w = windows.get(key);
    if (!w || t - w.start >= MINUTE_MS) windows.set(key, (w = { start: t, minted: 0, refused: 0, reported: false }));
    if (refused) w.refused++;
    else w.minted++;
    // once per address and minute: past the warning line, or at the first refusal
    if (!w.reported && (w.minted + w.refused > limits.warnPerMinute || w.refused > 0)) {
      w.reported = true;
      const burst = { slug, newIds: w.minted + w.refused, seconds: Math.max(1, Math.round((t - w.start) / 1000)), refused: w.refused };
      for (const l of listeners) l(burst);
    }
  }

  return {
    limits,
    /** The valid voter id in a Cookie header, or null: never an id the client chose. */
    fromCookieHeader: (header: string | string[] | undefined) => voterFromCookieHeader(opts.secret, header),
    /** A new id and its cookie value for a phone at `address` joining `slug`; null when that address is over its limit. */
    mint(slug: string, address: string): { id: string; cookie: string } | null {
      const key = addressKey(address);
      const allowed = buckets.take(key);
      count(slug, key, !allowed);
      if (!allowed) return null;
      const id = newVoterId();
      return { id, cookie: signVoterId(opts.secret, id) };
    },
    /** Hears each burst of new devices; returns the unsubscribe function. */
    onBurst(listener: (burst: DeviceBurst) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      clearInterval(sweep);
      buckets.close();
      listeners.clear();
    },
  };
}

export type VoterIds = ReturnType<typeof createVoterIds>;
