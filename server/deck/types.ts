/** The deck model: what a Markdown file becomes once parsed and rendered on the server. */

import type { PollSpec } from '../../contract/poll.js';
import type { Theme } from '../../contract/events.js';
import type { QaMode } from '../../contract/qa.js';

// The poll spec is part of the wire contract (PollView picks from it); it is defined there once.
export { PollType, type PollSpec } from '../../contract/poll.js';

export interface Slide {
  index: number;
  /** The slide's first heading as text, or "Slide n" when it has none. */
  title: string;
  /** Rendered HTML, safe to send to the audience (no notes). */
  html: string;
  /** Speaker notes as rendered HTML; empty string when none. Presenter only. */
  notes: string;
  poll?: PollSpec;
}

export interface Deck {
  slug: string;
  title: string;
  author?: string;
  theme?: Theme;
  accent?: string;
  /** Audience Q&A: `open` (default) shows questions at once, `moderated` after the presenter approves, `off` hides Q&A. */
  qa?: QaMode;
  /** The whole front matter, as parsed. */
  meta: Record<string, unknown>;
  /** Absolute path of the deck file, and its folder (image paths resolve from there). */
  file: string;
  dir: string;
  /** sha256 of the file's bytes, hex, first 16 chars. */
  hash: string;
  slides: Slide[];
}
