/**
 * Sizes the server enforces and the client's inputs mirror (maxlength, counters). One home, so a
 * phone never lets someone type what the server would refuse.
 */

/** A word in a words poll, in characters. */
export const MAX_WORD_LENGTH = 40;
/** A text poll answer, in characters. */
export const MAX_TEXT_LENGTH = 280;
/** Words per answer in a words poll when the deck does not say. */
export const DEFAULT_MAX_WORDS = 3;

/** An audience question, in characters (after trimming). */
export const MAX_QUESTION_LENGTH = 280;
/** The name an asker may give; longer names are cut. */
export const MAX_NAME_LENGTH = 40;

/** An ad-hoc poll's question, in characters. */
export const MAX_POLL_QUESTION_LENGTH = 300;
/** One option of an ad-hoc poll, in characters. */
export const MAX_OPTION_LENGTH = 120;
/** A choice poll lists this many options at least and at most. */
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 12;
/** A scale's end label, in characters. */
export const MAX_LABEL_LENGTH = 60;
/** A poll id in a command (deck ids are shorter; this only bounds what is parsed). */
export const MAX_POLL_ID_LENGTH = 120;

/** Questions one device may have stored in one run (a flood from one phone stops here, whatever its pace). */
export const MAX_QUESTIONS_PER_VOTER = 20;
/** `state` carries at most this many most-upvoted and this many newest questions (plus the pinned one and a phone's own). */
export const QA_STATE_TOP = 50;
export const QA_STATE_NEWEST = 50;
/** A `qa:page` answer holds at most this many questions. */
export const QA_PAGE_MAX = 100;
/** Text answers per poll in a results response when `limit` is not given, and at most. */
export const RESULTS_ANSWERS_DEFAULT = 200;
export const RESULTS_ANSWERS_MAX = 2_000;

/** A quiz question's points for a right answer given at once, when the deck does not say; and the most it may say. */
export const DEFAULT_QUIZ_POINTS = 1000;
export const MAX_QUIZ_POINTS = 10_000;
/** A poll's countdown (`timer:`), in seconds: at least and at most. */
export const MIN_TIMER_SECONDS = 5;
export const MAX_TIMER_SECONDS = 3_600;
/** Seconds the presenter may add to a running countdown in one command. */
export const MAX_TIMER_ADD_SECONDS = 600;
/** A quiz nickname, in characters (after trimming). */
export const MAX_NICKNAME_LENGTH = 24;
/** Players a leaderboard block shows at most (`top:`), and when the deck does not say. */
export const MAX_LEADERBOARD_TOP = 10;
export const DEFAULT_LEADERBOARD_TOP = 5;
