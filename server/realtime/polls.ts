import { Role } from '../../contract/events.js';
import { AnswerModerateSchema, NewPollSchema, PollRefSchema, PollTimerSchema, RevealSchema, VoteSchema } from '../../contract/schemas.js';
import { pollSpecFrom } from '../deck/index.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { requireModerate } from '../domain/roles.js';
import type { Polls } from '../live/polls/index.js';
import { command, type CommandTable } from './ack.js';
import { requirePresenter } from './presenter.js';
import { votersRoom } from './rooms.js';
import type { LecternSocket } from './types.js';

/** Votes from phones, and the presenter's poll controls. */
export function pollCommands(polls: Polls, hooks: { answered?: (socket: LecternSocket, runId: number, poll: string) => void } = {}): CommandTable {
  /** The talk a presenter command applies to, after checking it comes from the presenter. */
  const presenterTalk = (socket: LecternSocket) => (requirePresenter(socket), socket.data.talk);
  return [
    [
      'vote:cast',
      command(VoteSchema, 'answer', async ({ poll, answer }, socket) => {
        const { talk: slug, voter } = socket.data;
        if (socket.data.role !== Role.audience || !voter) {
          throw new LecternError(ErrorCode.forbidden, 'Only audience devices with a voter id can answer: reload the page to get one.');
        }
        const stored = await polls.vote(slug, voter, poll, answer);
        // Voters see live results (unless hidden): they join the poll's voter room once stored.
        void socket.join(votersRoom(slug, stored.runId, poll));
        hooks.answered?.(socket, stored.runId, poll);
        return { poll, answer: stored.answer, ...(stored.held ? { held: true } : {}) };
      }),
    ],
    ['poll:open', command(PollRefSchema, 'control', ({ poll }, socket) => polls.open(presenterTalk(socket), poll))],
    ['poll:close', command(PollRefSchema, 'control', ({ poll }, socket) => polls.close(presenterTalk(socket), poll))],
    ['poll:reset', command(PollRefSchema, 'control', ({ poll }, socket) => polls.reset(presenterTalk(socket), poll))],
    ['poll:reveal', command(RevealSchema, 'control', ({ poll, reveal }, socket) => polls.reveal(presenterTalk(socket), poll, reveal))],
    // the countdown: the presenter (or a driving moderator) adds time or stops it
    ['poll:timer', command(PollTimerSchema, 'control', ({ poll, ...change }, socket) => polls.timer(presenterTalk(socket), poll, change))],
    ['poll:create', command(NewPollSchema, 'control', (input, socket) => polls.create(presenterTalk(socket), pollSpecFrom(input)))],
    [
      'poll:moderate',
      command(AnswerModerateSchema, 'control', ({ poll, action, ids, word }, socket) => {
        requireModerate(socket.data.role);
        return polls.moderateAnswers(socket.data.talk, poll, action, ids ? { ids } : { word: word! });
      }),
    ],
    ['poll:answers', command(PollRefSchema, 'control', ({ poll }, socket) => (requireModerate(socket.data.role), polls.answers(socket.data.talk, poll)))],
  ];
}
