/**
 * QuizController: where the run's quiz stands (`TalkState.quiz`, then each `quiz:standing`), a
 * phone's own place in it, the score a phone had before the active question's answer was shown
 * (so it can say "+850"), and a phone's nickname. Part of every phone's first download (with a
 * budget): it holds data only, the views come with the quiz chunk, the presenter's "Show answer"
 * is sent by the console itself.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Ack, PollView, QuizStanding } from '../../contract/events.js';
import type { LiveSocket, TalkController } from './talk-controller.js';

/** Follows the quiz standings; see the module comment. */
export class QuizController implements ReactiveController {
  /** Absent while the talk has no quiz question. */
  standing?: QuizStanding;

  readonly #host: ReactiveControllerHost;
  readonly #talk: TalkController;
  /** Per quiz poll: this phone's score while its answer was not shown yet. */
  readonly #before = new Map<string, number>();

  constructor(host: ReactiveControllerHost, talk: TalkController) {
    this.#host = host;
    this.#talk = talk;
    host.addController(this);
    talk.attach((socket) => this.#listen(socket));
  }

  hostConnected(): void {}

  /** This phone's score before `poll`'s answer was shown; undefined when it joined after. */
  scoreBefore(poll: string): number | undefined {
    return this.#before.get(poll);
  }

  /**
   * A phone's name on the leaderboard; an empty one makes it anonymous ("Player 17") again. The
   * server then sends everyone a new standing, this phone's own `me` with the name in it.
   */
  rename(name: string): Promise<Ack<{ nickname: string | null; name: string }>> {
    return this.#talk.send((s) => s.emitWithAck('quiz:nickname', { name }));
  }

  #listen(socket: LiveSocket): void {
    socket.on('state', (state) => {
      this.#set(state.quiz);
      this.#track(state.active.poll);
    });
    socket.on('quiz:standing', (standing) => this.#set(standing));
    socket.on('poll:active', (e) => this.#track(e.poll));
    socket.on('run:started', () => {
      // a new run starts from zero: nobody has played yet
      this.#before.clear();
      if (this.standing) this.#set({ top: [], players: 0, shown: 0, questions: this.standing.questions });
    });
  }

  /** A quiz question whose answer is not shown yet: remember the score it may add to. */
  #track(poll: PollView | null): void {
    if (poll?.quiz && !poll.correct) this.#before.set(poll.id, this.standing?.me?.score ?? 0);
  }

  #set(standing: QuizStanding | undefined): void {
    this.standing = standing;
    this.#host.requestUpdate();
  }
}
