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
    /** Milliseconds until `key` has a token again (0: it has one now). */
    waitMs(key: string): number {
      const b = buckets.get(key);
      if (!b) return 0;
      const tokens = Math.min(spec.burst, b.tokens + ((now() - b.at) / 1000) * spec.rate);
      return tokens >= 1 ? 0 : Math.ceil(((1 - tokens) / spec.rate) * 1000);
    },
    forget(key: string) {
      buckets.delete(key);
    },
    close() {
      clearInterval(sweep);
    },
  };
}

export type LimitKind = 'answer' | 'control' | 'reaction' | 'question' | 'upvote' | 'nickname';

/** Who sends: the socket, its address, and the phone's voter id when it has one. */
export interface Sender {
  socket: string;
  ip: string;
  voter?: string;
}

/** Budgets per kind of event: one bucket per device, one per address. */
export type LimitSpecs = Record<LimitKind, { socket: BucketSpec; ip: BucketSpec }>;

/**
 * Limits per device and per IP for each kind of event. A device is its voter id when it has one
 * (so reconnecting, which makes a new socket, does not refill its budget), else its socket.
 * Per-IP limits are generous: a whole conference room often shares one NAT address. Kinds that
 * `specs` leaves out get DEFAULT_LIMITS. `now` is the clock (tests pass their own).
 */
export function createRateLimits(specs: Partial<LimitSpecs>, now: () => number = Date.now) {
  const all = { ...DEFAULT_LIMITS, ...specs } as LimitSpecs;
  const buckets = Object.fromEntries(
    Object.entries(all).map(([kind, s]) => [kind, { device: createBuckets(s.socket, now), ip: createBuckets(s.ip, now) }]),
  ) as Record<LimitKind, { device: ReturnType<typeof createBuckets>; ip: ReturnType<typeof createBuckets> }>;
  const deviceKey = (who: Sender) => (who.voter ? `v:${who.voter}` : `s:${who.socket}`);
  return {
    /** Takes a token for the sender's device and address: 0 when allowed, else the milliseconds to wait. */
    check(kind: LimitKind, who: Sender): number {
      const b = buckets[kind];
      const device = deviceKey(who);
      if (!b.device.take(device)) return Math.max(1, b.device.waitMs(device));
      if (!b.ip.take(who.ip)) return Math.max(1, b.ip.waitMs(who.ip));
      return 0;
    },
    /** `check` as a yes/no, for a socket without a voter id (or with `voter`). */
    allow(kind: LimitKind, socketId: string, ip: string, voter?: string): boolean {
      return this.check(kind, { socket: socketId, ip, ...(voter ? { voter } : {}) }) === 0;
    },
    /** A socket left: its own buckets go (a voter's stay, so a reconnect starts where it left off). */
    forgetSocket(socketId: string) {
      for (const b of Object.values(buckets)) b.device.forget(`s:${socketId}`);
    },
    close() {
      for (const b of Object.values(buckets)) (b.device.close(), b.ip.close());
    },
  };
}

/** "try again in 3 s": how long a refused sender should wait, rounded up to a whole second. */
export function retryMessage(waitMs: number): string {
  return `Too many requests; try again in ${Math.max(1, Math.ceil(waitMs / 1000))} s.`;
}

export const DEFAULT_LIMITS = {
  answer: { socket: { rate: 5, burst: 20 }, ip: { rate: 500, burst: 2_000 } },
  control: { socket: { rate: 20, burst: 40 }, ip: { rate: 50, burst: 100 } },
  // A tap-happy phone gets a few bursts, not a flood; a room's NAT address still gets plenty.
  reaction: { socket: { rate: 3, burst: 8 }, ip: { rate: 300, burst: 1_000 } },
  // Questions have their own budget, far below answers: each is stored and shown to the room. A
  // device asks a few at once, then one every 10 s; a whole room behind one address two a second.
  question: { socket: { rate: 0.1, burst: 3 }, ip: { rate: 2, burst: 30 } },
  upvote: { socket: { rate: 2, burst: 10 }, ip: { rate: 200, burst: 1_000 } },
  // A quiz nickname: a few tries (one taken, one refused), then one every 5 s; a whole room behind
  // one address naming itself as the quiz starts still gets through.
  nickname: { socket: { rate: 0.2, burst: 5 }, ip: { rate: 20, burst: 500 } },
} as const satisfies LimitSpecs;
