import type { Logger } from 'pino';
import { Role } from '../contract/events.js';
import { NewPollSchema, PollRefSchema, RevealSchema, VoteSchema } from '../contract/schemas.js';
import { pollSpecFrom } from '../deck/index.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import type { Polls } from '../live/polls.js';
import { command } from './ack.js';
import { votersRoom } from './rooms.js';
import type { LecternSocket } from './types.js';

/** Votes from phones, and the presenter's poll controls. */
export function registerPollHandlers(socket: LecternSocket, deps: { polls: Polls; log: Logger }) {
  const { polls, log } = deps;
  const slug = socket.data.talk;
  const presenterOnly = () => {
    if (socket.data.role !== Role.presenter) {
      throw new LecternError(ErrorCode.forbidden, 'Only the presenter can do that: connect with the presenter key.');
    }
  };

  socket.on(
    'vote:cast',
    command(VoteSchema, async ({ poll, answer }) => {
      const voter = socket.data.voter;
      if (socket.data.role !== Role.audience || !voter) {
        throw new LecternError(ErrorCode.forbidden, 'Only audience devices with a voter id can answer (connect with auth.voter).');
      }
      const stored = await polls.vote(slug, voter, poll, answer);
      // Voters see live results (unless hidden): they join the poll's voter room once stored.
      void socket.join(votersRoom(slug, stored.runId, poll));
      return { poll, answer: stored.answer };
    }, log),
  );

  socket.on('poll:open', command(PollRefSchema, ({ poll }) => (presenterOnly(), polls.open(slug, poll)), log));
  socket.on('poll:close', command(PollRefSchema, ({ poll }) => (presenterOnly(), polls.close(slug, poll)), log));
  socket.on('poll:reveal', command(RevealSchema, ({ poll, reveal }) => (presenterOnly(), polls.reveal(slug, poll, reveal)), log));
  socket.on('poll:reset', command(PollRefSchema, ({ poll }) => (presenterOnly(), polls.reset(slug, poll)), log));
  socket.on('poll:create', command(NewPollSchema, (input) => (presenterOnly(), polls.create(slug, pollSpecFrom(input))), log));
}
