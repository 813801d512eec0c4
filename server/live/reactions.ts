import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { addReactions, reactionsForRun, type ReactionCount } from '../../db/repo/index.js';
import type { ReactionKind } from '../domain/qa.js';
import type { Talks } from './talks.js';

export interface ReactionBurst {
  slug: string;
  slide: number;
  counts: Partial<Record<ReactionKind, number>>;
}

/**
 * Reaction taps add up in memory and leave every `intervalMs` as one broadcast per talk and one
 * INSERT … ON CONFLICT for all talks: never a broadcast or a row per tap.
 */
export function createReactions(deps: { db: Db; talks: Talks; log: Logger; intervalMs?: number }) {
  const { db, talks, log } = deps;
  const pending = new Map<string, Map<string, number>>(); // slug → "runId:slide:kind" → count
  const listeners = new Set<(e: ReactionBurst) => void>();

  async function flush() {
    const batch: ReactionCount[] = [];
    for (const [slug, counts] of pending) {
      const bySlide = new Map<number, Partial<Record<ReactionKind, number>>>();
      for (const [key, count] of counts) {
        const [runId, slide, kind] = key.split(':') as [string, string, ReactionKind];
        batch.push({ runId: Number(runId), slideIndex: Number(slide), kind, count });
        const entry = bySlide.get(Number(slide)) ?? {};
        entry[kind] = (entry[kind] ?? 0) + count;
        bySlide.set(Number(slide), entry);
      }
      for (const [slide, c] of bySlide) listeners.forEach((l) => l({ slug, slide, counts: c }));
    }
    pending.clear();
    if (!batch.length) return;
    try {
      await addReactions(db, batch);
    } catch (err) {
      // Reactions are ephemeral feedback, not answers: losing one batch in an outage is acceptable.
      log.warn({ err: (err as Error).message, taps: batch.reduce((n, r) => n + r.count, 0) }, 'reaction counts not stored');
    }
  }

  const timer = setInterval(() => void flush(), deps.intervalMs ?? 500);
  timer.unref();

  return {
    subscribe(listener: (e: ReactionBurst) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    /** Counts one tap on the slide the presenter is on now. */
    add(slug: string, kind: ReactionKind) {
      const { run } = talks.require(slug);
      const counts = pending.get(slug) ?? new Map<string, number>();
      const key = `${run.id}:${run.currentSlide}:${kind}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      pending.set(slug, counts);
    },
    /** Taps so far in the talk's current run, per slide (stored ones; the last half second may be missing). */
    async totals(slug: string): Promise<{ slide: number; counts: Partial<Record<ReactionKind, number>> }[]> {
      const bySlide = new Map<number, Partial<Record<ReactionKind, number>>>();
      for (const r of await reactionsForRun(db, talks.require(slug).run.id)) {
        const entry = bySlide.get(r.slideIndex) ?? {};
        entry[r.kind as ReactionKind] = r.count;
        bySlide.set(r.slideIndex, entry);
      }
      return [...bySlide].map(([slide, counts]) => ({ slide, counts }));
    },
    /** Sends and stores what is pending (shutdown, tests). */
    flush,
    async close() {
      clearInterval(timer);
      await flush();
    },
  };
}
