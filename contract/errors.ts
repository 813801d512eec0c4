/** Error codes a client can act on; every refusal carries one of these. */
export const ErrorCode = {
  badRequest: 'bad_request',
  unauthorized: 'unauthorized',
  forbidden: 'forbidden',
  notFound: 'not_found',
  outOfRange: 'out_of_range',
  unavailable: 'unavailable',
  internal: 'internal',
  rateLimited: 'rate_limited',
  /** An HTTP body over the size limit. */
  tooLarge: 'too_large',
  /** The presenter ended the run (`run:end`): slides stay put until a new run starts (`run:start`). */
  runEnded: 'run_ended',
  // Votes: each refusal its own code, so a phone can say exactly what to fix.
  unknownPoll: 'unknown_poll',
  pollClosed: 'poll_closed',
  invalidOption: 'invalid_option',
  invalidAnswer: 'invalid_answer',
  tooManyChoices: 'too_many_choices',
  wordTooLong: 'word_too_long',
  textTooLong: 'text_too_long',
  emptyAnswer: 'empty_answer',
  /** A moderation command named answers this poll does not have. */
  unknownAnswer: 'unknown_answer',
  /** The poll's countdown reached zero before the answer arrived (the server's clock decides). */
  timeUp: 'time_up',
  // Quiz
  /** A quiz command on a poll that has no right answer (`correct:`). */
  notQuiz: 'not_quiz',
  /** Another player of this run already has this nickname. */
  nicknameTaken: 'nickname_taken',
  /** The nickname is not allowed (the filter refused it, or it is empty or too long). */
  nicknameRefused: 'nickname_refused',
  // Q&A
  qaOff: 'qa_off',
  unknownQuestion: 'unknown_question',
  questionTooLong: 'question_too_long',
  emptyQuestion: 'empty_question',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];
