/** Quiz standings as they cross the wire: the leaderboard, and a phone's own place. */

/** One player on a leaderboard. Ties share a rank (1, 2, 2, 4 …). */
export interface QuizPlayer {
  rank: number;
  /** The nickname, or "Player 17" for an anonymous player. */
  name: string;
  score: number;
  /** Right answers so far (of the questions shown). */
  right: number;
}

/** Where a run's quiz stands after the answers shown so far. */
export interface QuizStanding {
  /** The best players, best first (at most MAX_LEADERBOARD_TOP). */
  top: QuizPlayer[];
  /** Everyone who answered a quiz question or chose a nickname in this run. */
  players: number;
  /** Quiz questions whose answer has been shown, and how many the deck and run have. */
  shown: number;
  questions: number;
  /** A phone only: its own place (absent until it has played or chosen a name). */
  me?: QuizPlayer & { nickname: string | null };
}

/** A run's quiz in the results and its CSV: every player (without the device), best first. */
export interface QuizResults {
  players: QuizPlayer[];
  questions: { poll: string; question: string; correct: string[]; points: number; answers: number; right: number }[];
}
