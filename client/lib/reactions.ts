/** The reactions a phone can send, in the order the bar shows them, with what each looks like. */
import { REACTION_KINDS, type ReactionKind } from '../../contract/qa.js';

export { REACTION_KINDS } from '../../contract/qa.js';

/** What a reaction shows, and its name for screen readers. */
export const REACTIONS = {
  clap: { show: '👏', name: 'Applause' },
  heart: { show: '❤️', name: 'Love it' },
  laugh: { show: '😂', name: 'Funny' },
  mindblown: { show: '🤯', name: 'Mind blown' },
  thumbsup: { show: '👍', name: 'Agree' },
  lost: { show: 'Lost me', name: 'Lost me' },
} as const satisfies Record<ReactionKind, { show: string; name: string }>;

/** Taps per kind, as the `reactions` event and the results report them. */
export type ReactionCounts = Partial<Record<ReactionKind, number>>;

/** Adds `more` to `into`, kind by kind, returning a new object. */
export function addCounts(into: ReactionCounts, more: ReactionCounts): ReactionCounts {
  const sum = { ...into };
  for (const kind of REACTION_KINDS) if (more[kind]) sum[kind] = (sum[kind] ?? 0) + more[kind];
  return sum;
}
