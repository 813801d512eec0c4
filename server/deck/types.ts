/** The deck model: what a Markdown file becomes once parsed and rendered on the server. */

import type { PollSpec } from '../../contract/poll.js';
import type { Theme } from '../../contract/events.js';
import type { SlideLayout, ThemeName } from '../../contract/theme.js';
import type { QaMode } from '../../contract/qa.js';
import type { SlideBackground, SlideChrome } from '../../contract/http.js';
import type { DialectName, Dropped } from './dialects/types.js';

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
  /** A ```leaderboard block: the quiz podium goes here, with this many players. */
  leaderboard?: { top: number; title?: string };
  /** A slide that builds: the HTML of each step, `steps[k]` holding steps 0..k only (see steps.ts). */
  steps?: string[];
  /** Its own colours, from a `<!-- background: … -->` directive or a dialect's (text colour included). */
  background?: SlideBackground;
  /** Its number when not its position (`4.1`: reveal.js vertical slides). */
  label?: string;
  /** Header, footer and page number (Marp, Deckset), as HTML. */
  chrome?: SlideChrome;
  /** Classes for the deck's stylesheet, from `<!-- class: … -->`. */
  className?: string;
  /** How the slide is laid out: a title or section slide gets the theme's large, centred style. */
  layout?: SlideLayout;
  /** Seconds the speaker plans for it (`<!-- time: 2m -->`); presenter only. */
  time?: number;
}

export interface Deck {
  slug: string;
  title: string;
  author?: string;
  /** The colour scheme the deck forces; unset follows the reader. */
  theme?: Theme;
  /** The built-in theme its `theme:` resolved to. */
  themeName: ThemeName;
  accent?: string;
  /** Audience Q&A: `open` (default) shows questions at once, `moderated` after the presenter approves, `off` hides Q&A. */
  qa?: QaMode;
  /** The deck's own stylesheet (front matter `css:`), relative to its folder, applied to slides only. */
  stylesheet?: string;
  /** The slide canvas's proportions (`4:3`); unset means 16:9. */
  aspect?: string;
  /** `all`: the audience may read the whole deck at once; otherwise only what the talk has shown. */
  preview?: 'all';
  /** The talk's planned length in seconds (front matter `duration:`, Slidev's too); presenter only. */
  duration?: number;
  /** The tool the deck was written for (detected, or named by `dialect:`). */
  dialect: DialectName;
  /** What the deck's tool has that Lectern does not show, with its line: logged, and listed for the presenter. */
  dropped: Dropped[];
  /** The whole front matter, as parsed. */
  meta: Record<string, unknown>;
  /** Absolute path of the deck file, and its folder (image paths resolve from there). */
  file: string;
  dir: string;
  /** sha256 of the file's bytes, hex, first 16 chars. */
  hash: string;
  slides: Slide[];
  /**
   * What the deck asked for that Lectern shows differently (an unknown theme name …): logged at
   * start and on reload, so the speaker can fix it; never a reason to refuse the deck.
   */
  warnings: string[];
}
