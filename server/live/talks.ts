import type { RunInfo, SlideChanged, TalkInfo } from '../../contract/events.js';
import type { Deck } from '../deck/types.js';
import type { Shown } from '../domain/reveal.js';
import { RESERVED_SLUGS } from '../deck/load-all.js';
import { clampSlide, clampStep, targetPosition, type SlideCommand } from '../domain/talk.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import type { Db } from '../../db/client.js';
import type { Logger } from 'pino';
import { endRun, ensureTalk, getOrStartRun, latestRun, setRunSlide, slideVisitsForRun, startRun, startTimeline, type Run } from '../../db/repo/index.js';
import { createSlideSaver } from './slide-saver.js';
import { createSerialQueue } from './serial.js';

/** Paths the server itself answers at the top level. */

/** A talk being served: its deck, its row, and the run (delivery) in progress. */
export interface LiveTalk {
  deck: Deck;
  talkId: number;
  run: Run;
  /** The slides this run has shown (its slide visits): all that keyless clients may see. */
  shown: Set<number>;
}

/** Facts the realtime layer broadcasts; HTTP and socket commands both end up here. */
export type TalkEvent =
  | { type: 'slide:changed'; slug: string; change: SlideChanged; from: number; firstShown: boolean; arrived: boolean }
  | { type: 'deck:updated'; slug: string; talk: TalkInfo; slide: number; step: number }
  | { type: 'run:started'; slug: string; run: RunInfo; slide: number }
  | { type: 'run:ended'; slug: string; run: RunInfo };

export type Talks = Awaited<ReturnType<typeof createTalks>>;

/** The talk info clients see, derived from the deck. */
export function talkInfo(deck: Deck): TalkInfo {
  return {
    slug: deck.slug,
    title: deck.title,
    slideCount: deck.slides.length,
    hash: deck.hash,
    ...(deck.theme ? { theme: deck.theme } : {}),
    themeName: deck.themeName,
    ...(deck.dialect !== 'lectern' ? { dialect: deck.dialect } : {}),
    ...(deck.aspect ? { aspect: deck.aspect } : {}),
    ...(deck.stylesheet ? { stylesheet: `/${deck.slug}/assets/${deck.stylesheet.split('/').map(encodeURIComponent).join('/')}?v=${deck.hash}` } : {}),
    ...(deck.accent ? { accent: deck.accent } : {}),
    qa: deck.qa ?? 'open',
  };
}

/** How many build steps a slide has after its first view (0: it shows whole). */
export function stepCount(slide: { steps?: readonly string[] }): number {
  return slide.steps ? slide.steps.length - 1 : 0;
}

/** The furthest step of `slide` this run has shown. */
export function stepShown(run: Pick<Run, 'stepsShown' | 'currentSlide' | 'currentStep'>, slide: number): number {
  const stored = run.stepsShown[String(slide)] ?? 0;
  return run.currentSlide === slide ? Math.max(stored, run.currentStep) : stored;
}

/** The run info clients see. */
export function runInfo(run: Run): RunInfo {
  return { id: run.id, number: run.number, startedAt: run.startedAt, endedAt: run.endedAt };
}

/**
 * The talk registry and live state. The database holds the truth (current slide per run);
 * this keeps a copy so reads cost nothing. Commands go through one queue per talk; slide writes
 * go through the slide saver, in order, without holding up the broadcast.
 */
export async function createTalks(deps: { db: Db; decks: readonly Deck[]; log: Logger }) {
  const { db } = deps;
  const saver = createSlideSaver(db, deps.log);
  const talks = new Map<string, LiveTalk>();
  // A listener may return a promise: the command that caused the event answers after it settles,
  // so a slide change is acknowledged only once the poll it opens or closes has followed.
  const listeners = new Set<(e: TalkEvent) => void | Promise<void>>();
  const serial = createSerialQueue();

  /** Starts serving a deck: its talk row, its run in progress (or a new one), what it has shown. */
  async function register(deck: Deck): Promise<LiveTalk> {
    // loadDecks reports these as broken decks; a caller that skipped it still gets a clear error
    if (RESERVED_SLUGS.has(deck.slug)) {
      throw new LecternError(ErrorCode.badRequest, `${deck.file}: the slug "${deck.slug}" is taken by Lectern's own pages; set another with "slug:" in the front matter.`);
    }
    if (talks.has(deck.slug)) {
      throw new LecternError(ErrorCode.badRequest, `Two decks share the slug "${deck.slug}": ${talks.get(deck.slug)!.deck.file} and ${deck.file}. Give one a "slug:" in its front matter.`);
    }
    const { id: talkId } = await ensureTalk(db, { slug: deck.slug, title: deck.title, deckHash: deck.hash });
    // an ended run stays the talk's run (its handout, its results) until the presenter starts the next
    let run = (await latestRun(db, talkId)) ?? (await getOrStartRun(db, talkId));
    const clamped = clampSlide(run.currentSlide, deck.slides.length);
    const step = clampStep(run.currentStep, stepCount(deck.slides[clamped]!));
    if (clamped !== run.currentSlide || step !== run.currentStep) {
      await setRunSlide(db, run.id, clamped, step);
      run = { ...run, currentSlide: clamped, currentStep: step };
    }
    // The engagement timeline starts with the slide a run is on when the server starts serving it.
    await startTimeline(db, run.id, run.currentSlide);
    const talk = { deck, talkId, run, shown: await shownIn(run) };
    talks.set(deck.slug, talk);
    return talk;
  }
  for (const deck of deps.decks) await register(deck);

  /** What a run has shown, from its slide visits (so a restart keeps it), and where it is now. */
  async function shownIn(run: Run): Promise<Set<number>> {
    const visits = await slideVisitsForRun(db, run.id);
    return new Set([...visits.map((v) => v.slideIndex), run.currentSlide]);
  }

  const emit = async (e: TalkEvent) => {
    await Promise.all([...listeners].map((l) => l(e)));
  };

  function mustGet(slug: string): LiveTalk {
    const talk = talks.get(slug);
    if (!talk) throw new LecternError(ErrorCode.notFound, `There is no talk "${slug}".`);
    return talk;
  }

  /** Re-reads the talk's run from the database (a peer process started a new one, or ended it). */
  function reloadRun(slug: string): Promise<{ slideChanged: boolean }> {
    return serial(slug, async () => {
      const talk = mustGet(slug);
      // Our own move not yet saved is newer than what the database holds.
      if (saver.isPending(talk.run.id)) return { slideChanged: false };
      const before = talk.run;
      talk.run = (await latestRun(db, talk.talkId)) ?? talk.run;
      if (talk.run.id !== before.id) talk.shown = await shownIn(talk.run);
      else talk.shown.add(talk.run.currentSlide);
      return { slideChanged: talk.run.id !== before.id || talk.run.currentSlide !== before.currentSlide || talk.run.currentStep !== before.currentStep };
    });
  }

  return {
    get: (slug: string) => talks.get(slug),
    require: mustGet,
    list: () => [...talks.values()],
    /** Subscribes to facts; returns the unsubscribe function. */
    subscribe(listener: (e: TalkEvent) => void | Promise<void>) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },

    /**
     * Moves the talk: the next step or slide, or to a slide (and step). One write (position and
     * visit, see slide-saver.ts), then one event.
     */
    move(slug: string, command: SlideCommand): Promise<SlideChanged> {
      mustGet(slug);
      return serial(slug, async () => {
        const talk = mustGet(slug);
        const run = talk.run;
        // The talk is over: its handout shows what it showed; moving on would change that behind the audience's back.
        if (run.endedAt !== null) throw new LecternError(ErrorCode.runEnded, 'The talk has ended. Start a new run to show slides again.');
        const to = targetPosition(command, { slide: run.currentSlide, step: run.currentStep }, talk.deck.slides.map(stepCount));
        const at = Date.now();
        if (to.slide === run.currentSlide && to.step === run.currentStep) return { index: to.slide, step: to.step, at };
        const from = run.currentSlide;
        const arrived = to.slide !== from;
        const firstShown = !talk.shown.has(to.slide) || to.step > stepShown(run, to.slide);
        const stepsShown = to.step > (run.stepsShown[String(to.slide)] ?? 0) ? { ...run.stepsShown, [String(to.slide)]: to.step } : run.stepsShown;
        // Broadcast without waiting for the write: the room follows even while the database is slow or away.
        void saver.save(run.id, to.slide, at, { step: to.step, stepsShown }, arrived);
        talk.run = { ...run, currentSlide: to.slide, currentStep: to.step, stepsShown };
        talk.shown.add(to.slide);
        const change = { index: to.slide, step: to.step, at };
        await emit({ type: 'slide:changed', slug, change, from, firstShown, arrived });
        return change;
      });
    },

    /** Starts a new delivery of the talk at slide 0; earlier runs keep their data. */
    startRun(slug: string): Promise<{ run: RunInfo; slide: number }> {
      mustGet(slug);
      return serial(slug, async () => {
        const talk = mustGet(slug);
        talk.run = await startRun(db, talk.talkId);
        // a new delivery has shown nothing but where it starts
        talk.shown = new Set([talk.run.currentSlide]);
        const result = { run: runInfo(talk.run), slide: talk.run.currentSlide };
        await emit({ type: 'run:started', slug, ...result });
        return result;
      });
    },

    /**
     * Ends the run: the talk is over, its handout opens to everyone, slides stay where they are until
     * the next `startRun`. Ending an ended run changes nothing and tells nobody again.
     */
    endRun(slug: string): Promise<{ run: RunInfo }> {
      mustGet(slug);
      return serial(slug, async () => {
        const talk = mustGet(slug);
        if (talk.run.endedAt !== null) return { run: runInfo(talk.run) };
        // the position the run ended on must be stored before anyone reads the handout from the database
        await saver.flush();
        const ended = await endRun(db, talk.run.id);
        if (!ended) throw new LecternError(ErrorCode.notFound, 'This talk has no run to end.');
        talk.run = { ...talk.run, endedAt: ended.endedAt };
        const result = { run: runInfo(talk.run) };
        await emit({ type: 'run:ended', slug, ...result });
        return result;
      });
    },

    /** A peer process moved the slide: take the new position without broadcasting it again. */
    applyRemoteSlide(slug: string, runId: number, slide: number, step = 0) {
      const talk = talks.get(slug);
      if (talk?.run.id === runId) {
        const stepsShown = step > (talk.run.stepsShown[String(slide)] ?? 0) ? { ...talk.run.stepsShown, [String(slide)]: step } : talk.run.stepsShown;
        talk.run = { ...talk.run, currentSlide: slide, currentStep: step, stepsShown };
        talk.shown.add(slide);
      }
      else if (talk) void reloadRun(slug).catch((err: Error) => deps.log.warn({ err: err.message, slug }, 'could not reload the run'));
    },
    reloadRun,

    /** Serves one more deck (one that failed to load at start and was then fixed). */
    add: (deck: Deck) => serial(deck.slug, () => register(deck)),

    /** What this run has shown: the slides, and the furthest step of each (domain/reveal.ts). */
    shownSoFar(slug: string): Shown {
      const talk = mustGet(slug);
      return { slides: talk.shown, step: (slide: number) => stepShown(talk.run, slide) };
    },

    /** Waits for the current slides to be saved, then stops retrying. */
    async close() {
      await saver.flush();
      saver.close();
    },

    /** Swaps in a re-parsed deck, keeping the current slide (clamped to the new length). */
    replaceDeck(deck: Deck): Promise<void> {
      return serial(deck.slug, async () => {
        const talk = mustGet(deck.slug);
        await ensureTalk(db, { slug: deck.slug, title: deck.title, deckHash: deck.hash });
        talk.deck = deck;
        const slide = clampSlide(talk.run.currentSlide, deck.slides.length);
        const step = clampStep(talk.run.currentStep, stepCount(deck.slides[slide]!));
        if (slide !== talk.run.currentSlide || step !== talk.run.currentStep) {
          await setRunSlide(db, talk.run.id, slide, step);
          talk.run = { ...talk.run, currentSlide: slide, currentStep: step };
          talk.shown.add(slide);
        }
        await emit({ type: 'deck:updated', slug: deck.slug, talk: talkInfo(deck), slide, step: talk.run.currentStep });
      });
    },
  };
}
