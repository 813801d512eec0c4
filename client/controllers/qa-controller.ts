/**
 * QaController: the talk's questions as this view may see them (a phone: the approved ones and
 * its own pending ones; presenter and screen: all of them), kept in step with the server through
 * the TalkController's socket, and the Q&A commands: ask and upvote for phones, moderate for the
 * presenter.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Ack, ModerationAction, QaMode, QaPage, QuestionView } from '../../contract/events.js';
import { mergeQuestions } from '../lib/questions.js';
import type { LiveSocket, TalkController } from './talk-controller.js';

/** The ack of an upvote: the question's new count and whether this phone's upvote stands. */
export type UpvoteResult = { id: number; votes: number; up: boolean };

/** Follows the questions; see the module comment. */
export class QaController implements ReactiveController {
  /** `off` until the server says otherwise, so nothing shows for a talk without Q&A. */
  mode: QaMode = 'off';
  questions: readonly QuestionView[] = [];
  /** Questions this phone has upvoted. */
  upvoted: ReadonlySet<number> = new Set();
  /** Set while older questions are on the server only: how many there are, where `qa:page` goes on. */
  more: { total: number; before: number } | undefined;

  readonly #host: ReactiveControllerHost;
  readonly #talk: TalkController;

  constructor(host: ReactiveControllerHost, talk: TalkController) {
    this.#host = host;
    this.#talk = talk;
    host.addController(this);
    talk.attach((socket) => this.#listen(socket));
  }

  hostConnected(): void {}

  /** The question on the screen now, if any. */
  get pinned(): QuestionView | undefined {
    return this.questions.find((q) => q.pinned && q.status === 'approved');
  }

  /** Asks a question; once stored it joins the list (marked as this phone's own). */
  async ask(text: string, name?: string): Promise<Ack<QuestionView>> {
    const ack = await this.#talk.send<QuestionView>((s) => s.emitWithAck('question:ask', name ? { text, name } : { text }));
    if (ack.ok) this.#merge([{ ...ack.data, mine: true }]);
    return ack;
  }

  /** Upvotes (or withdraws the upvote); the button follows at once and settles on the ack. */
  async upvote(id: number, up: boolean): Promise<Ack<UpvoteResult>> {
    this.#mark(id, up);
    const ack = await this.#talk.send<UpvoteResult>((s) => s.emitWithAck('question:upvote', { id, up }));
    if (!ack.ok) this.#mark(id, !up);
    else {
      this.#mark(id, ack.data.up);
      const q = this.questions.find((x) => x.id === id);
      if (q) this.#merge([{ ...q, votes: ack.data.votes }]);
    }
    return ack;
  }

  /** Presenter: approve, hide, mark answered, pin…; every view gets the change as `questions:changed`. */
  async moderate(id: number, action: ModerationAction): Promise<Ack<QuestionView>> {
    const ack = await this.#talk.send<QuestionView>((s) => s.emitWithAck('question:moderate', { id, action }));
    if (ack.ok) this.#merge([ack.data]);
    return ack;
  }

  /** Fetches the next page of older questions (`state` holds only a page of them). */
  async loadMore(): Promise<Ack<QaPage> | undefined> {
    if (!this.more) return undefined;
    const { before, total } = this.more;
    const ack = await this.#talk.send<QaPage>((s) => s.emitWithAck('qa:page', { before }));
    if (ack.ok) {
      this.more = ack.data.before ? { total, before: ack.data.before } : undefined;
      this.#merge(ack.data.questions);
    }
    return ack;
  }

  #listen(socket: LiveSocket): void {
    // `state` comes on every (re)connect: the whole list, replacing whatever was missed
    socket.on('state', ({ qa }) => {
      this.mode = qa.mode;
      this.questions = qa.questions;
      this.upvoted = new Set(qa.upvoted);
      this.more = qa.more;
      this.#host.requestUpdate();
    });
    socket.on('questions:changed', (e) => this.#merge(e.questions, e.removed, e.votes));
    // the deck's `qa:` line may change while the talk runs
    socket.on('deck:updated', ({ talk }) => {
      this.mode = talk.qa;
      this.#host.requestUpdate();
    });
    // a new run starts with no questions
    socket.on('run:started', () => {
      this.questions = [];
      this.upvoted = new Set();
      this.more = undefined;
      this.#host.requestUpdate();
    });
  }

  #merge(changed: readonly QuestionView[], removed?: readonly number[], votes?: Readonly<Record<number, number>>): void {
    this.questions = mergeQuestions(this.questions, changed, removed, votes);
    this.#host.requestUpdate();
  }

  #mark(id: number, up: boolean): void {
    if (this.upvoted.has(id) === up) return;
    const next = new Set(this.upvoted);
    if (up) next.add(id);
    else next.delete(id);
    this.upvoted = next;
    this.#host.requestUpdate();
  }
}
