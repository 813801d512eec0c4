import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { findQuestion, insertQuestion, questionsForRun, setUpvote, updateQuestion, upvotedBy, type QuestionRow } from '../../db/repo/index.js';
import type { QuestionView } from '../../contract/events.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { acceptQuestion, audienceSees, initialStatus, moderate, type ModerationAction, type QaMode } from '../domain/qa.js';
import type { Talks } from './talks.js';
import { createKeyedThrottle } from './throttle.js';

/** Questions that changed, for the realtime layer to send to the right rooms. */
export interface QaEvent {
  slug: string;
  changed: QuestionRow[];
}

/** The view of a question every client gets (the asker's device id never leaves the server). */
export function questionView(q: QuestionRow, voter?: string): QuestionView {
  return {
    id: q.id,
    text: q.text,
    ...(q.displayName ? { name: q.displayName } : {}),
    votes: q.votes,
    status: q.status,
    answered: q.answered,
    pinned: q.pinned,
    at: q.createdAt,
    slide: q.slideIndex,
    ...(voter && q.voterId === voter ? { mine: true } : {}),
  };
}

export type Qa = ReturnType<typeof createQa>;

/**
 * Audience Q&A per run. Upvote counts change fast, so their broadcasts are gathered per talk and
 * sent at most every 250 ms; asking and moderation go out at once.
 */
export function createQa(deps: {
  db: Db;
  talks: Talks;
  log: Logger;
  onChange?: (slug: string) => void;
  /** The profanity filter: true holds the question (and name) for a moderator. */
  flags?: (slug: string, texts: string[]) => boolean;
}) {
  const { db, talks } = deps;
  const listeners = new Set<(e: QaEvent) => void>();
  const dirtyVotes = new Map<string, Set<number>>();
  // A run's questions, shared for up to a second by every socket that connects meanwhile (a reconnect
  // storm reads them once, not once per phone); any change here drops the copy.
  const recent = new Map<number, { at: number; rows: Promise<QuestionRow[]> }>();
  const emit = (e: QaEvent) => {
    recent.clear();
    listeners.forEach((l) => l(e));
  };

  function runQuestions(runId: number): Promise<QuestionRow[]> {
    const cached = recent.get(runId);
    if (cached && Date.now() - cached.at < 1_000) return cached.rows;
    const rows = questionsForRun(db, runId);
    recent.set(runId, { at: Date.now(), rows });
    rows.catch(() => recent.delete(runId));
    return rows;
  }

  const throttle = createKeyedThrottle(async (slug) => {
    const ids = [...(dirtyVotes.get(slug) ?? [])];
    dirtyVotes.delete(slug);
    try {
      const rows = (await Promise.all(ids.map((id) => findQuestion(db, id)))).filter((q): q is QuestionRow => q !== null);
      if (rows.length) emit({ slug, changed: rows });
    } catch (err) {
      deps.log.warn({ err: (err as Error).message }, 'upvote counts not sent');
    }
  }, 250);

  const mode = (slug: string): QaMode => talks.require(slug).deck.qa ?? 'open';

  async function questionOf(slug: string, id: number): Promise<QuestionRow> {
    const q = await findQuestion(db, id);
    if (!q || q.runId !== talks.require(slug).run.id) throw new LecternError(ErrorCode.unknownQuestion, `There is no question ${id} in this talk.`);
    return q;
  }

  return {
    mode,
    subscribe(listener: (e: QaEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    /** The run's questions a viewer may see, and which of them this voter upvoted. */
    async snapshot(slug: string, viewer: { staff: boolean; voter?: string }): Promise<{ questions: QuestionView[]; upvoted: number[] }> {
      const talk = talks.require(slug);
      if (mode(slug) === 'off') return { questions: [], upvoted: [] };
      const rows = await runQuestions(talk.run.id);
      // Upvotes exist only on questions the audience was shown: with none, there is nothing to look up.
      const upvoted = viewer.voter && rows.some((q) => q.status === 'approved') ? await upvotedBy(db, talk.run.id, viewer.voter) : [];
      const visible = viewer.staff ? rows : rows.filter((q) => audienceSees(q, viewer.voter));
      return { questions: visible.map((q) => questionView(q, viewer.voter)), upvoted };
    },

    async ask(slug: string, voter: string, text: string, name?: string): Promise<QuestionRow> {
      const talk = talks.require(slug);
      const accepted = acceptQuestion(mode(slug), text, name);
      const q = await insertQuestion(db, {
        runId: talk.run.id,
        slideIndex: talk.run.currentSlide,
        voterId: voter,
        displayName: accepted.name,
        text: accepted.text,
        status: initialStatus(mode(slug), deps.flags?.(slug, accepted.name ? [accepted.text, accepted.name] : [accepted.text])),
      });
      emit({ slug, changed: [q] });
      deps.onChange?.(slug);
      return q;
    },

    /** Adds or withdraws this voter's upvote; a double tap stores one upvote. */
    async upvote(slug: string, voter: string, id: number, up: boolean): Promise<{ id: number; votes: number; up: boolean }> {
      const q = await questionOf(slug, id);
      if (q.status !== 'approved') throw new LecternError(ErrorCode.unknownQuestion, 'That question is not shown to the audience.');
      const votes = await setUpvote(db, id, voter, up);
      recent.clear();
      const dirty = dirtyVotes.get(slug) ?? new Set<number>();
      dirty.add(id);
      dirtyVotes.set(slug, dirty);
      throttle.mark(slug);
      return { id, votes, up };
    },

    async moderate(slug: string, id: number, action: ModerationAction): Promise<QuestionRow> {
      const before = await questionOf(slug, id);
      // Pinning one question unpins the one pinned before: send both.
      const previouslyPinned = action === 'pin' ? (await questionsForRun(db, before.runId)).filter((q) => q.pinned && q.id !== id) : [];
      const after = (await updateQuestion(db, id, moderate(action)))!;
      const unpinned = (await Promise.all(previouslyPinned.map((q) => findQuestion(db, q.id)))).filter((q): q is QuestionRow => q !== null);
      emit({ slug, changed: [after, ...unpinned] });
      deps.onChange?.(slug);
      return after;
    },

    close() {
      throttle.close();
    },
  };
}
