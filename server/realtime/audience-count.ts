/**
 * Counts audience sockets per talk and reports changes at most once per interval,
 * so a reconnect storm of thousands of phones makes a handful of broadcasts, not thousands.
 */
export function createAudienceCounter(report: (slug: string, count: number) => void, intervalMs = 250) {
  const counts = new Map<string, number>();
  const pending = new Map<string, NodeJS.Timeout>();

  function schedule(slug: string) {
    if (pending.has(slug)) return;
    const timer = setTimeout(() => {
      pending.delete(slug);
      report(slug, counts.get(slug) ?? 0);
    }, intervalMs);
    timer.unref();
    pending.set(slug, timer);
  }

  return {
    count: (slug: string) => counts.get(slug) ?? 0,
    add(slug: string, delta: 1 | -1) {
      counts.set(slug, Math.max(0, (counts.get(slug) ?? 0) + delta));
      schedule(slug);
    },
    close() {
      pending.forEach(clearTimeout);
      pending.clear();
    },
  };
}
