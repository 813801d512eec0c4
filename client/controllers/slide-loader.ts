/**
 * Fetches a talk's rendered slides over HTTP, once per deck hash, retrying after a failure.
 * The TalkController owns one and tells it the hash the server announced.
 */
import { ApiError, fetchTalk, type TalkDetails } from '../lib/api.js';

/** Pause before fetching slides again after a failed fetch. */
const SLIDES_RETRY_MS = 3000;

/** What the loader reports back to its owner. */
export interface SlideLoaderCallbacks {
  loaded(details: TalkDetails): void;
  /** `fatal` when retrying cannot help (the key was refused). */
  failed(error: ApiError, fatal: boolean): void;
}

/** Loads slides for the newest hash it was given; see the module comment. */
export class SlideLoader {
  readonly #slug: string;
  readonly #callbacks: SlideLoaderCallbacks;
  #key?: string;
  #loadedHash?: string;
  #fetching?: string;
  #wanted?: string;
  #retry?: ReturnType<typeof setTimeout>;

  constructor(slug: string, callbacks: SlideLoaderCallbacks) {
    this.#slug = slug;
    this.#callbacks = callbacks;
  }

  /** Uses a (new) presenter key; the next `load` fetches again so notes come along. */
  setKey(key: string | undefined): void {
    this.#key = key;
    this.#loadedHash = undefined;
  }

  /** Swaps the key for an equivalent presenter session: same access, so nothing is refetched. */
  setCredential(session: string): void {
    this.#key = session;
  }

  /** Fetches the slides unless the copy held already has this hash. */
  async load(hash: string | undefined): Promise<void> {
    this.#wanted = hash;
    if (hash === undefined || hash === this.#loadedHash || hash === this.#fetching) return;
    this.#fetching = hash;
    try {
      const details = await fetchTalk(this.#slug, this.#key);
      if (this.#wanted !== hash) return; // a newer deck arrived while this one loaded
      this.#loadedHash = details.hash;
      this.#callbacks.loaded(details);
    } catch (e) {
      const err = e instanceof ApiError ? e : new ApiError('unavailable', 'Could not load the slides.', 0);
      const fatal = err.status === 401;
      this.#callbacks.failed(err, fatal);
      if (!fatal) {
        clearTimeout(this.#retry);
        this.#retry = setTimeout(() => void this.load(this.#wanted), SLIDES_RETRY_MS);
      }
    } finally {
      if (this.#fetching === hash) this.#fetching = undefined;
    }
  }

  /**
   * Fetches again even though the hash is the same: the server has shown slides since (a phone
   * that was away while the talk moved on has only placeholders for them).
   */
  refresh(): Promise<void> {
    const hash = this.#wanted;
    this.#loadedHash = undefined;
    return this.load(hash);
  }

  /** Stops a pending retry. */
  stop(): void {
    clearTimeout(this.#retry);
  }
}
