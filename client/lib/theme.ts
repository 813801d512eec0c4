/** Applies a deck's `theme` and `accent` to the page's design tokens. */
import type { TalkInfo } from '../../server/contract/events.js';

/** Sets data-theme and --accent on <html>; an accent that is not a CSS colour is ignored. */
export function applyDeckTheme(talk: Pick<TalkInfo, 'theme' | 'accent'>, root: HTMLElement = document.documentElement): void {
  if (talk.theme === 'light' || talk.theme === 'dark') root.dataset.theme = talk.theme;
  else delete root.dataset.theme;
  if (talk.accent && CSS.supports('color', talk.accent)) root.style.setProperty('--accent', talk.accent);
  else root.style.removeProperty('--accent');
}
