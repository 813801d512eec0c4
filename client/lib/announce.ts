/** What a phone's live region says: real changes only, never every re-render (counts, reconnects). */
import type { PollView } from '../../contract/events.js';

/** The last slide and poll texts the live region spoke about. */
export interface Heard {
  slide: string;
  poll: string;
}

/** How a poll's state reads aloud and on its tag. */
export function pollState(poll: Pick<PollView, 'status' | 'openedAt'>): string {
  return poll.status === 'open' ? 'Poll open' : poll.openedAt === null ? "Voting hasn't started yet" : 'Poll closed';
}

/**
 * The next announcement (or undefined to keep the last), and what is heard now. A reader who
 * looks back hears only that the talk moved on, not the new slide's title.
 */
export function announce(
  heard: Heard,
  now: { slide?: { number: number; count: number; title: string }; poll: PollView | null; following: boolean },
): { say?: string; heard: Heard } {
  const slide = now.slide ? `Slide ${now.slide.number} of ${now.slide.count}: ${now.slide.title}` : '';
  const poll = now.poll ? `${pollState(now.poll)}: ${now.poll.question}` : '';
  let say: string | undefined;
  if (slide !== heard.slide) say = now.following ? slide : `The talk moved to slide ${now.slide?.number ?? ''}.`;
  else if (poll && poll !== heard.poll) say = poll;
  return { say, heard: { slide, poll } };
}
