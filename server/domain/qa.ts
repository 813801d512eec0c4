/** Q&A and reaction rules as pure functions. */
import type { SlideEngagement } from '../../contract/http.js';
import { MAX_NAME_LENGTH, MAX_QUESTION_LENGTH } from '../../contract/limits.js';
import type { ModerationAction, QaMode, QuestionStatus } from '../../contract/qa.js';
import { ErrorCode, LecternError } from './errors.js';
import { hasUnstorableCharacters } from './poll.js';
import { codePointLength, cutText, stripBidiControls } from '../../contract/text.js';

export { MAX_NAME_LENGTH, MAX_QUESTION_LENGTH } from '../../contract/limits.js';
export { REACTION_KINDS, type ModerationAction, type QaMode, type QuestionStatus, type ReactionKind } from '../../contract/qa.js';
export type { SlideEngagement } from '../../contract/http.js';

/** Checks a question and an optional name; returns them trimmed, or throws with the code to show. */
export function acceptQuestion(mode: QaMode, text: string, name?: string): { text: string; name: string | null } {
  if (mode === 'off') throw new LecternError(ErrorCode.qaOff, 'Questions are turned off for this talk.');
  if (hasUnstorableCharacters(text) || (name !== undefined && hasUnstorableCharacters(name))) {
    throw new LecternError(ErrorCode.badRequest, 'The question or name contains characters that cannot be stored.');
  }
  // bidi controls go first: a U+202E would turn the screen's line around
  const trimmed = stripBidiControls(text).trim().replace(/[ \t]+/g, ' ');
  if (!trimmed) throw new LecternError(ErrorCode.emptyQuestion, 'Type a question first.');
  if (codePointLength(trimmed) > MAX_QUESTION_LENGTH) throw new LecternError(ErrorCode.questionTooLong, `Questions are limited to ${MAX_QUESTION_LENGTH} characters.`);
  const display = (name === undefined ? '' : cutText(stripBidiControls(name).trim(), MAX_NAME_LENGTH).trim()) || null;
  return { text: trimmed, name: display };
}

/**
 * A new question is shown at once in open mode, after approval in moderated mode; one the filter
 * flagged waits for approval in either (the asker sees it as pending, like any held question).
 */
export function initialStatus(mode: QaMode, flagged = false): QuestionStatus {
  return mode === 'moderated' || flagged ? 'pending' : 'approved';
}

/** What a moderation action changes. Pinning also approves: a pinned question is on the screen. */
export function moderate(action: ModerationAction): Partial<{ status: QuestionStatus; answered: boolean; pinned: boolean }> {
  switch (action) {
    case 'approve':
      return { status: 'approved' };
    case 'hide':
      return { status: 'hidden', pinned: false };
    case 'answer':
      return { answered: true, pinned: false };
    case 'unanswer':
      return { answered: false };
    case 'pin':
      return { status: 'approved', pinned: true };
    case 'unpin':
      return { pinned: false };
  }
}

/** The audience sees approved questions, and each phone its own pending one. */
export function audienceSees(q: { status: QuestionStatus; voterId: string }, voter?: string): boolean {
  return q.status === 'approved' || (q.status === 'pending' && voter !== undefined && q.voterId === voter);
}

/**
 * Per slide of a run: time spent (from the presenter's arrivals, the last visit running until `end`),
 * reactions by kind, answers to its poll, questions asked while it was on screen.
 */
export function engagementTimeline(input: {
  slideCount: number;
  visits: readonly { slideIndex: number; enteredAt: number }[];
  end: number;
  reactions: readonly { slideIndex: number; kind: string; count: number }[];
  answersBySlide: ReadonlyMap<number, number>;
  questionsBySlide: ReadonlyMap<number, number>;
}): SlideEngagement[] {
  const rows: SlideEngagement[] = Array.from({ length: input.slideCount }, (_, slide) => ({
    slide,
    seconds: 0,
    reactions: {},
    answers: input.answersBySlide.get(slide) ?? 0,
    questions: input.questionsBySlide.get(slide) ?? 0,
  }));
  input.visits.forEach((v, i) => {
    const until = input.visits[i + 1]?.enteredAt ?? input.end;
    const row = rows[v.slideIndex];
    if (row) row.seconds += Math.max(0, (until - v.enteredAt) / 1000);
  });
  for (const r of input.reactions) {
    const row = rows[r.slideIndex];
    if (row) row.reactions[r.kind] = (row.reactions[r.kind] ?? 0) + r.count;
  }
  for (const row of rows) row.seconds = Math.round(row.seconds);
  return rows;
}
