import type { ServerToClientEvents } from '../../contract/events.js';
import { audienceSees } from '../domain/qa.js';
import { questionView, type Qa, type QaEvent } from '../live/qa.js';
import { presenterRoom, talkRoom } from './rooms.js';
import type { LecternServer } from './types.js';

type QuestionsChanged = Parameters<ServerToClientEvents['questions:changed']>[0];

/**
 * One batch of question changes as each audience class gets it: staff every status, phones only
 * what the room is shown (and `removed` for hidden ones; pending ones stay with staff, the asker
 * has its own from the ack). Upvote-only changes travel as `votes`, id → count. `audience` is null
 * when phones have nothing to hear.
 */
export function questionPayloads(e: Pick<QaEvent, 'changed' | 'votes'>): { staff: QuestionsChanged; audience: QuestionsChanged | null } {
  const counts = (rows: QaEvent['changed']) => Object.fromEntries(rows.map((q) => [q.id, q.votes])) as Record<number, number>;
  const votes = e.votes ?? [];
  const staff: QuestionsChanged = { questions: e.changed.map((q) => questionView(q)), ...(votes.length ? { votes: counts(votes) } : {}) };
  const shown = e.changed.filter((q) => audienceSees(q));
  const removed = e.changed.filter((q) => q.status === 'hidden').map((q) => q.id);
  const shownVotes = votes.filter((q) => q.status === 'approved');
  if (!shown.length && !removed.length && !shownVotes.length) return { staff, audience: null };
  return {
    staff,
    audience: {
      questions: shown.map((q) => questionView(q)),
      ...(removed.length ? { removed } : {}),
      ...(shownVotes.length ? { votes: counts(shownVotes) } : {}),
    },
  };
}

/** Sends each Q&A batch to the talk's rooms: one encode per audience class. Returns the unsubscribe function. */
export function broadcastQuestions(io: LecternServer, qa: Qa): () => void {
  return qa.subscribe((e) => {
    const { staff, audience } = questionPayloads(e);
    io.to(presenterRoom(e.slug)).emit('questions:changed', staff);
    if (audience) io.to(talkRoom(e.slug)).except(presenterRoom(e.slug)).emit('questions:changed', audience);
  });
}
