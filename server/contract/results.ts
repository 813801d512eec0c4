/** The shape of `GET /api/talks/:slug/results`, shared with the results page. No Node imports. */
import type { PollView, QuestionView } from './events.js';
import type { PollResults } from '../domain/poll.js';
import type { SlideEngagement } from '../domain/qa.js';

export interface PollResultsExport extends PollView {
  closedAt: number | null;
  results: PollResults;
  /** Every answer in arrival order, without who gave it. */
  answers: { answer: unknown; at: number }[];
}

export interface RunResults {
  id: number;
  number: number;
  startedAt: number;
  endedAt: number | null;
  polls: PollResultsExport[];
  /** Every question, hidden ones included (marked), without who asked. */
  questions: QuestionView[];
  reactions: { slide: number; kind: string; count: number }[];
  /** Per slide: time spent, reactions, answers, questions — "where did we lose the room?" */
  timeline: (SlideEngagement & { title: string })[];
}

export interface TalkResults {
  slug: string;
  title: string;
  runs: RunResults[];
}
