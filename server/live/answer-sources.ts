/**
 * Where a talk's answers come from: for the poll answered last, how many devices answered and
 * from how many addresses. 2,000 devices from one address is a room behind NAT or a script; the
 * presenter sees the numbers and judges. Kept in memory for the latest poll of each talk (this
 * process's answers only), at most one update a second per talk.
 */
import { addressKey } from '../auth/voter-ids.js';

export interface AnswerSources {
  poll: string;
  devices: number;
  addresses: number;
}

export function createAnswerSources(opts: { emit: (slug: string, sources: AnswerSources) => void; intervalMs?: number }) {
  const interval = opts.intervalMs ?? 1_000;
  const byTalk = new Map<string, { runId: number; poll: string; devices: Set<string>; addresses: Set<string>; timer?: NodeJS.Timeout; sentAt: number }>();

  const view = (t: { poll: string; devices: Set<string>; addresses: Set<string> }): AnswerSources => ({ poll: t.poll, devices: t.devices.size, addresses: t.addresses.size });

  return {
    /** Counts an accepted answer to `poll` of run `runId` by `voter` from `address`. */
    answered(slug: string, runId: number, poll: string, voter: string, address: string) {
      let t = byTalk.get(slug);
      if (!t || t.poll !== poll || t.runId !== runId) {
        clearTimeout(t?.timer);
        byTalk.set(slug, (t = { runId, poll, devices: new Set(), addresses: new Set(), sentAt: 0 }));
      }
      const before = t.devices.size + t.addresses.size;
      t.devices.add(voter);
      t.addresses.add(addressKey(address));
      if (t.devices.size + t.addresses.size === before || t.timer) return;
      const wait = Math.max(0, t.sentAt + interval - Date.now());
      const entry = t;
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        entry.sentAt = Date.now();
        if (byTalk.get(slug) === entry) opts.emit(slug, view(entry));
      }, wait);
      entry.timer.unref();
    },
    /** The latest numbers for a talk (a presenter who connects mid-poll), if any answer came in. */
    current(slug: string): AnswerSources | undefined {
      const t = byTalk.get(slug);
      return t ? view(t) : undefined;
    },
    close() {
      for (const t of byTalk.values()) clearTimeout(t.timer);
      byTalk.clear();
    },
  };
}

export type AnswerSourcesTracker = ReturnType<typeof createAnswerSources>;
