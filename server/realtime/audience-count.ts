/**
 * Counts audience sockets per talk across processes. Local changes are reported at most once per
 * interval (a reconnect storm of thousands of phones makes a handful of broadcasts, not thousands);
 * peers' counts arrive by message and expire when a peer stops sending them (it died).
 */
export function createAudienceCounter(opts: {
  /** Tell this process's presenter and screen sockets the total. */
  emitTotal: (slug: string, total: number) => void;
  /** Tell the other processes this process's counts (cluster only). */
  publish?: (counts: Record<string, number>) => void;
  intervalMs?: number;
  peerTtlMs?: number;
}) {
  const { intervalMs = 250, peerTtlMs = 15_000 } = opts;
  const local = new Map<string, number>();
  const peers = new Map<string, { counts: Record<string, number>; at: number }>();
  const pending = new Map<string, NodeJS.Timeout>();

  function total(slug: string): number {
    let sum = local.get(slug) ?? 0;
    const now = Date.now();
    for (const [server, peer] of peers) {
      if (now - peer.at > peerTtlMs) peers.delete(server);
      else sum += peer.counts[slug] ?? 0;
    }
    return sum;
  }

  function schedule(slug: string) {
    if (pending.has(slug)) return;
    const timer = setTimeout(() => {
      pending.delete(slug);
      opts.publish?.({ [slug]: local.get(slug) ?? 0 });
      opts.emitTotal(slug, total(slug));
    }, intervalMs);
    timer.unref();
    pending.set(slug, timer);
  }

  // Peers forget a process that stops reporting, so a live process repeats its counts.
  const heartbeat = opts.publish ? setInterval(() => opts.publish!(Object.fromEntries(local)), peerTtlMs / 3) : null;
  heartbeat?.unref();

  return {
    total,
    add(slug: string, delta: 1 | -1) {
      local.set(slug, Math.max(0, (local.get(slug) ?? 0) + delta));
      schedule(slug);
    },
    /** A peer's counts arrived: store them and update the totals shown here. */
    fromPeer(server: string, counts: Record<string, number>) {
      const before = peers.get(server)?.counts ?? {};
      peers.set(server, { counts: { ...before, ...counts }, at: Date.now() });
      for (const slug of Object.keys(counts)) if (before[slug] !== counts[slug]) opts.emitTotal(slug, total(slug));
    },
    close() {
      pending.forEach(clearTimeout);
      pending.clear();
      if (heartbeat) clearInterval(heartbeat);
    },
  };
}
