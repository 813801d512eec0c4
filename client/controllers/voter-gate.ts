/** Where a phone's voter cookie stands before (and while) its socket connects. */
type VoterState = 'unknown' | 'asking' | 'ok' | 'refused';

export interface VoterGateEvents {
  /** A request went out. */
  asking: () => void;
  /** The answer, while the page is still shown; `retried`: it came from a retry after a refusal. */
  settled: (ok: boolean, retried: boolean) => void;
  /** Whether the page is still shown (nothing happens after it is gone). */
  wanted: () => boolean;
}

/**
 * A phone's voter cookie, which its socket's handshake must carry to vote: asked for before the
 * first connect; a refusal still lets the phone follow, and it asks again every 15 s until it has
 * one. `settled` hears each answer, and whether it came from such a retry.
 */
export class VoterGate {
  #state: VoterState = 'unknown';
  #retry?: ReturnType<typeof setTimeout>;
  readonly #ask: () => Promise<boolean>;
  readonly #on: VoterGateEvents;

  constructor(ask: () => Promise<boolean>, on: VoterGateEvents) {
    this.#ask = ask;
    this.#on = on;
  }

  /** True until the first answer: the socket waits for it, so a phone that can vote connects as a voter. */
  get pending(): boolean {
    return this.#state === 'unknown' || this.#state === 'asking';
  }

  /** The page is shown again: a phone that was refused asks anew. */
  resume(): void {
    if (this.#state === 'refused') this.#state = 'unknown';
  }

  stop(): void {
    clearTimeout(this.#retry);
  }

  request(): void {
    if (this.#state === 'asking') return;
    const retried = this.#state === 'refused';
    this.#state = 'asking';
    this.#on.asking();
    void this.#ask().then((ok) => {
      this.#state = ok ? 'ok' : 'refused';
      if (!this.#on.wanted()) return;
      if (!ok) this.#retry = setTimeout(() => this.request(), 15_000);
      this.#on.settled(ok, retried);
    });
  }
}
