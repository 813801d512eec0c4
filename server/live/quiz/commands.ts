import type { Db } from '../../../db/client.js';
import { NicknameTakenError, setNickname } from '../../../db/repo/index.js';
import type { PollView } from '../../../contract/poll.js';
import { ErrorCode, LecternError } from '../../domain/errors.js';
import { acceptNickname, anonymousName } from '../../domain/quiz.js';
import { screenAll } from '../../domain/text-filter.js';
import type { Polls } from '../polls/index.js';
import type { ScreeningService } from '../screening.js';
import type { LiveTalk, Talks } from '../talks.js';
import type { RunStanding } from './standings.js';

export interface QuizCommandDeps {
  db: Db;
  talks: Talks;
  polls: Polls;
  screening: ScreeningService;
  /** Recomputes the run's standing from the database (after the reveal's stamp). */
  recompute: (talk: LiveTalk) => Promise<RunStanding>;
}

const hasQuiz = (talk: LiveTalk) => talk.deck.slides.some((s) => s.poll?.correct?.length);

/** The presenter's reveal and the phones' nicknames. */
export function createQuizCommands(deps: QuizCommandDeps) {
  const { db, talks, polls } = deps;
  return {
    /**
     * Shows a quiz question's right answer: the polls service closes it (if open) and stamps it; the
     * run is scored afresh (inside the poll's queue, so no answer slips in between) and the poll's
     * view carries `correct` and `rightCount`. Resolves with the view and the new standing.
     */
    async reveal(slug: string, key: string): Promise<{ view: PollView; standing: RunStanding }> {
      const talk = talks.require(slug);
      let standing: RunStanding | undefined;
      const view = await polls.showCorrect(slug, key, async (row) => {
        standing = await deps.recompute(talk);
        return standing.right.get(row.id)?.right ?? 0;
      });
      return { view, standing: standing! };
    },

    /**
     * A phone's nickname in the run: cleaned, through the deck's word filter (refused, never held: a
     * leaderboard has no moderator), unique case-insensitively; empty makes it anonymous again.
     */
    async nickname(slug: string, voter: string, raw: string): Promise<{ nickname: string | null; name: string }> {
      const talk = talks.require(slug);
      if (!hasQuiz(talk)) throw new LecternError(ErrorCode.notQuiz, 'This talk has no quiz, so there is no leaderboard to name yourself on.');
      const nickname = acceptNickname(raw);
      // why it was refused stays on the server: a reason would teach the next attempt how to get round it
      if (nickname && screenAll(deps.screening.forDeck(talk.deck), [nickname]).flagged) {
        throw new LecternError(ErrorCode.nicknameRefused, 'That nickname is not allowed; choose another.');
      }
      try {
        const player = await setNickname(db, talk.run.id, voter, nickname);
        return { nickname: player.nickname, name: player.nickname ?? anonymousName(player.number) };
      } catch (err) {
        if (err instanceof NicknameTakenError) throw new LecternError(ErrorCode.nicknameTaken, `Someone already plays as "${nickname}"; choose another nickname.`);
        throw err;
      }
    },
  };
}
