import type { PollType } from '../../contract/poll.js';
import type { NewPoll } from '../../db/repo/index.js';

/** A single-choice deck poll on slide 2, as the deck parser would hand it over; `question` and `type` go into its spec. */
export function samplePoll(pollKey: string, overrides: Partial<NewPoll> & { question?: string; type?: PollType } = {}): NewPoll {
  const { question = 'Where shall we eat?', type = 'single', ...rest } = overrides;
  return {
    pollKey,
    slideIndex: 2,
    spec: {
      id: pollKey,
      question,
      type,
      options: ['Pizza', 'Noodles', 'Salad'],
      open: 'auto',
      close: 'on-leave',
      results: 'visible',
    },
    resultsHidden: false,
    ...rest,
  };
}
