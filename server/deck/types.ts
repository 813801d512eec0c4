/** The deck model: what a Markdown file becomes once parsed and rendered on the server. */

export const PollType = {
  single: 'single',
  multiple: 'multiple',
  words: 'words',
  scale: 'scale',
  text: 'text',
} as const;
export type PollType = (typeof PollType)[keyof typeof PollType];

/** A poll as written in a ```poll block (issue 3), normalised with defaults applied. */
export interface PollSpec {
  /** Stable id: given in the block, or derived from the question. */
  id: string;
  question: string;
  type: PollType;
  /** single / multiple: the choices, in order. */
  options?: string[];
  /** multiple: most choices per answer; words: most words per answer (default 3). */
  max?: number;
  /** scale: the range (default 1–5) and optional end labels. */
  scaleMin?: number;
  scaleMax?: number;
  labels?: [string, string];
  /** `auto` opens on reaching the slide; `manual` waits for the presenter. */
  open: 'auto' | 'manual';
  /** `on-leave` closes when the presenter leaves the slide. */
  close: 'manual' | 'on-leave';
  results: 'visible' | 'hidden';
}

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
  theme?: 'light' | 'dark';
  accent?: string;
  /** Audience Q&A: `open` (default) shows questions at once, `moderated` after the presenter approves, `off` hides Q&A. */
  qa?: 'open' | 'moderated' | 'off';
  /** The whole front matter, as parsed. */
  meta: Record<string, unknown>;
  /** Absolute path of the deck file, and its folder (image paths resolve from there). */
  file: string;
  dir: string;
  /** sha256 of the file's bytes, hex, first 16 chars. */
  hash: string;
  slides: Slide[];
}
