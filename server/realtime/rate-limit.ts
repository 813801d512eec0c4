/** Token buckets: `rate` tokens a second, up to `burst` saved; one token per event. */
export interface BucketSpec {
  rate: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** A map of buckets by key (a socket id, an IP); idle full buckets are dropped to bound memory. */
export function createBuckets(spec: BucketSpec, now: () => number = Date.now) {
  const buckets = new Map<string, Bucket>();
  const sweep = setInterval(() => {
    const t = now();
    for (const [key, b] of buckets) if (b.tokens + ((t - b.at) / 1000) * spec.rate >= spec.burst) buckets.delete(key);
  }, 30_000);
  sweep.unref();

  return {
    /** Takes a token for `key`; false when the key has none left. */
    take(key: string): boolean {
      const t = now();
      const b = buckets.get(key) ?? { tokens: spec.burst, at: t };
      b.tokens = Math.min(spec.burst, b.tokens + ((t - b.at) / 1000) * spec.rate);
      b.at = t;
      buckets.set(key, b);
      if (b.tokens < 1) return false;
      b.tokens -= 1;
      return true;
    },
    forget(key: string) {
      buckets.delete(key);
    },
    close() {
      clearInterval(sweep);
    },
  };
}

export type LimitKind = 'answer' | 'control' | 'reaction';

/**
 * Limits per socket and per IP for answers and for control events. Per-IP limits are generous:
 * a whole conference room often shares one NAT address. `now` is the clock (tests pass their own).
 */
export function createRateLimits(specs: Record<LimitKind, { socket: BucketSpec; ip: BucketSpec }>, now: () => number = Date.now) {
  const buckets = Object.fromEntries(
    Object.entries(specs).map(([kind, s]) => [kind, { socket: createBuckets(s.socket, now), ip: createBuckets(s.ip, now) }]),
  ) as Record<LimitKind, { socket: ReturnType<typeof createBuckets>; ip: ReturnType<typeof createBuckets> }>;
  return {
    allow(kind: LimitKind, socketId: string, ip: string): boolean {
      const b = buckets[kind];
      return b.socket.take(socketId) && b.ip.take(ip);
    },
    forgetSocket(socketId: string) {
      for (const b of Object.values(buckets)) b.socket.forget(socketId);
    },
    close() {
      for (const b of Object.values(buckets)) (b.socket.close(), b.ip.close());
    },
  };
}

export const DEFAULT_LIMITS = {
  answer: { socket: { rate: 5, burst: 20 }, ip: { rate: 500, burst: 2_000 } },
  control: { socket: { rate: 20, burst: 40 }, ip: { rate: 50, burst: 100 } },
  // A tap-happy phone gets a few bursts, not a flood; a room's NAT address still gets plenty.
  reaction: { socket: { rate: 3, burst: 8 }, ip: { rate: 300, burst: 1_000 } },
} as const;
