import { afterEach, describe, expect, it, vi } from 'vitest';
import { VoterGate } from '../../../client/controllers/voter-gate.js';

afterEach(() => vi.useRealTimers());

describe('VoterGate', () => {
  it('holds the socket until the first answer, then retries a refusal every 15 s until the cookie comes', async () => {
    vi.useFakeTimers();
    const answers = [false, true];
    const settled: [boolean, boolean][] = [];
    const gate = new VoterGate(async () => answers.shift()!, { asking: () => {}, settled: (ok, retried) => settled.push([ok, retried]), wanted: () => true });
    expect(gate.pending).toBe(true);
    gate.request();
    gate.request(); // already asking: one request only
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toEqual([[false, false]]);
    expect(gate.pending).toBe(false); // refused: the phone connects to follow
    await vi.advanceTimersByTimeAsync(15_000);
    expect(settled).toEqual([[false, false], [true, true]]);
  });

  it('does nothing more once the page is gone, and asks anew when it is shown again after a refusal', async () => {
    vi.useFakeTimers();
    let asked = 0;
    let wanted = true;
    const gate = new VoterGate(async () => (asked++, false), { asking: () => {}, settled: () => {}, wanted: () => wanted });
    gate.request();
    await vi.advanceTimersByTimeAsync(0);
    gate.stop();
    wanted = false;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(asked).toBe(1);
    gate.resume();
    expect(gate.pending).toBe(true);
  });
});
