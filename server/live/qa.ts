import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { countQuestionsBy, findQuestion, insertQuestion, questionsByIds, questionsForRun, setUpvote, updateQuestion, upvotedByMany, type QuestionRow } from '../../db/repo/index.js';
import { createBatchLookup } from './batch-lookup.js';
import type { QaPage, QaState, QuestionView } from '../../contract/events.js';
import { MAX_QUESTIONS_PER_VOTER } from '../../contract/limits.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { acceptQuestion, audienceSees, initialStatus, moderate, type ModerationAction, type QaMode } from '../domain/qa.js';
import { firstPage, olderPage } from '../domain/qa-page.js';
import type { Talks } from './talks.js';
import { createKeyedThrottle } from './throttle.js';

/**
 * Questions that changed, for the realtime layer to send to the right rooms: `changed` rows are
 * new or moderated, `votes` rows only gained or lost upvotes (their counts are all that is sent).
 */
export interface QaEvent {
  slug: string;
  changed: QuestionRow[];
  votes?: QuestionRow[];
}

/** How often a talk's new questions and upvote counts go out, at most. */
export const QA_BATCH_MS = 300;

/** Who is looking: staff (presenter, moderator) see every status; a phone its own pending ones too. */
export interface QaViewer {
  staff: boolean;
  voter?: string;
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
 * Audience Q&A per run. New questions and upvote counts are gathered per talk and leave at most
 * every `batchMs` as one event per audience class (never one broadcast per question to every phone);
 * moderation, a staff action, goes out at once.
 */
export function createQa(deps: {
  db: Db;
  talks: Talks;
  log: Logger;
  onChange?: (slug: string) => void;
  batchMs?: number;
  /** The profanity filter: true holds the question (and name) for a moderator. */
  flags?: (slug: string, texts: string[]) => boolean;
}) {
  const { db, talks } = deps;
  const listeners = new Set<(e: QaEvent) => void>();
  // per talk: questions asked (rows to send whole) and questions upvoted (counts only)
  const dirty = new Map<string, { asked: Set<number>; voted: Set<number> }>();
  // per run and device: asks in flight, so concurrent asks cannot slip past the cap together
  const asking = new Map<string, number>();
  // A run's questions, shared for up to a second by every socket that connects meanwhile (a reconnect
  // storm reads them once, not once per phone); every batch sent drops the copy.
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

  function dirtyOf(slug: string) {
    const d = dirty.get(slug) ?? { asked: new Set<number>(), voted: new Set<number>() };
    dirty.set(slug, d);
    return d;
  }

  const throttle = createKeyedThrottle(async (slug) => {
    const d = dirty.get(slug);
    dirty.delete(slug);
    if (!d) return;
    try {
      // one read for the whole batch, however many questions it holds
      const rows = await questionsByIds(db, [...new Set([...d.asked, ...d.voted])]);
      const changed = rows.filter((q) => d.asked.has(q.id));
      const votes = rows.filter((q) => !d.asked.has(q.id));
      if (rows.length) emit({ slug, changed, ...(votes.length ? { votes } : {}) });
    } catch (err) {
      deps.log.warn({ err: (err as Error).message, questions: d.asked.size, upvoted: d.voted.size }, 'question changes not sent');
    }
  }, deps.batchMs ?? QA_BATCH_MS);

  const mode = (slug: string): QaMode => talks.require(slug).deck.qa ?? 'open';
  // phones joining together (a reconnect storm) ask for their upvotes in one query per run
  const upvotes = createBatchLookup<string, number[]>((run, voters) => upvotedByMany(db, Number(run), voters));

  async function questionOf(slug: string, id: number): Promise<QuestionRow> {
    const q = await findQuestion(db, id);
    if (!q || q.runId !== talks.require(slug).run.id) throw new LecternError(ErrorCode.unknownQuestion, `There is no question ${id} in this talk.`);
    return q;
  }

  /** The run's questions this viewer may see, oldest first. */
  async function visibleTo(slug: string, viewer: QaViewer): Promise<QuestionRow[]> {
    const rows = await runQuestions(talks.require(slug).run.id);
    return viewer.staff ? rows : rows.filter((q) => audienceSees(q, viewer.voter));
  }

  return {
    mode,
    subscribe(listener: (e: QaEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    /**
     * What a viewer gets in `state`: a page of the questions it may see (pinned, its own, the most
     * upvoted, the newest; see domain/qa-page.ts), which of them this voter upvoted, and where the rest are.
     */
    async snapshot(slug: string, viewer: QaViewer): Promise<Omit<QaState, 'mode'>> {
      const talk = talks.require(slug);
      if (mode(slug) === 'off') return { questions: [], upvoted: [] };
      const rows = await visibleTo(slug, viewer);
      // Upvotes exist only on questions the audience was shown: with none (and none asked since the
      // copy was read), there is nothing to look up.
      const shown = rows.some((q) => q.status === 'approved') || (dirty.get(slug)?.asked.size ?? 0) > 0;
      const upvoted = viewer.voter && shown ? ((await upvotes.get(String(talk.run.id), viewer.voter)) ?? []) : [];
      // a phone always gets its own; the presenter and moderators every question still waiting for them
      const page = firstPage(rows, { always: (q) => (viewer.voter !== undefined && q.voterId === viewer.voter) || (viewer.staff && q.status === 'pending') });
      return { questions: page.questions.map((q) => questionView(q, viewer.voter)), upvoted, ...(page.more ? { more: page.more } : {}) };
    },

    /** Questions older than `before` this viewer may see, newest first (`qa:page`). */
    async page(slug: string, viewer: QaViewer, before: number, limit?: number): Promise<QaPage> {
      if (mode(slug) === 'off') return { questions: [] };
      const page = olderPage(await visibleTo(slug, viewer), before, limit);
      return { questions: page.questions.map((q) => questionView(q, viewer.voter)), ...(page.before ? { before: page.before } : {}) };
    },

    /** Stores a question (at most MAX_QUESTIONS_PER_VOTER per device and run); phones hear of it in the next batch. */
    async ask(slug: string, voter: string, text: string, name?: string): Promise<QuestionRow> {
      const talk = talks.require(slug);
      const accepted = acceptQuestion(mode(slug), text, name);
      const key = `${talk.run.id}:${voter}`;
      const inFlight = asking.get(key) ?? 0;
      asking.set(key, inFlight + 1);
      try {
        if ((await countQuestionsBy(db, talk.run.id, voter)) + inFlight >= MAX_QUESTIONS_PER_VOTER) {
          throw new LecternError(
            ErrorCode.rateLimited,
            `This device has asked ${MAX_QUESTIONS_PER_VOTER} questions in this talk, the most one device may; upvote the ones you want answered.`,
          );
        }
        const q = await insertQuestion(db, {
          runId: talk.run.id,
          slideIndex: talk.run.currentSlide,
          voterId: voter,
          displayName: accepted.name,
          text: accepted.text,
          status: initialStatus(mode(slug), deps.flags?.(slug, accepted.name ? [accepted.text, accepted.name] : [accepted.text])),
        });
        // the cached copy stays until the batch goes out: a phone connecting meanwhile gets the question with it
        dirtyOf(slug).asked.add(q.id);
        throttle.mark(slug);
        deps.onChange?.(slug);
        return q;
      } finally {
        const left = (asking.get(key) ?? 1) - 1;
        if (left > 0) asking.set(key, left);
        else asking.delete(key);
      }
    },

    /** Adds or withdraws this voter's upvote; a double tap stores one upvote. */
    async upvote(slug: string, voter: string, id: number, up: boolean): Promise<{ id: number; votes: number; up: boolean }> {
      // the run's cached copy answers most look-ups (one query less per tap under a flood); a question
      // newer than the copy is read
      const q = (await runQuestions(talks.require(slug).run.id)).find((x) => x.id === id) ?? (await questionOf(slug, id));
      if (q.status !== 'approved') throw new LecternError(ErrorCode.unknownQuestion, 'That question is not shown to the audience.');
      const votes = await setUpvote(db, id, voter, up);
      dirtyOf(slug).voted.add(id);
      throttle.mark(slug);
      return { id, votes, up };
    },

    async moderate(slug: string, id: number, action: ModerationAction): Promise<QuestionRow> {
      const before = await questionOf(slug, id);
      // Pinning one question unpins the one pinned before: send both.
      const previouslyPinned = action === 'pin' ? (await questionsForRun(db, before.runId)).filter((q) => q.pinned && q.id !== id) : [];
      const after = (await updateQuestion(db, id, moderate(action)))!;
      const unpinned = await questionsByIds(db, previouslyPinned.map((q) => q.id));
      emit({ slug, changed: [after, ...unpinned] });
      deps.onChange?.(slug);
      return after;
    },

    close() {
      throttle.close();
    },
  };
}
