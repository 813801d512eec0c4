import type { NewPoll } from '../../db/repo/index.js';

/** A single-choice deck poll on slide 2, as the deck parser would hand it over. */
export function samplePoll(pollKey: string, overrides: Partial<NewPoll> = {}): NewPoll {
  const question = 'Where shall we eat?';
  return {
    pollKey,
    slideIndex: 2,
    question,
    type: 'single',
    spec: {
      id: pollKey,
      question,
      type: 'single',
      options: ['Pizza', 'Noodles', 'Salad'],
      open: 'auto',
      close: 'on-leave',
      results: 'visible',
    },
    resultsHidden: false,
    ...overrides,
  };
}
