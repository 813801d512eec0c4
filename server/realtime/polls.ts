import { Role } from '../contract/events.js';
import { NewPollSchema, PollRefSchema, RevealSchema, VoteSchema } from '../contract/schemas.js';
import { pollSpecFrom } from '../deck/index.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import type { Polls } from '../live/polls.js';
import { onCommand, type CommandContext } from './ack.js';
import { requirePresenter } from './presenter.js';
import { votersRoom } from './rooms.js';
import type { LecternSocket } from './types.js';

/** Votes from phones, and the presenter's poll controls. */
export function registerPollHandlers(socket: LecternSocket, ctx: CommandContext & { polls: Polls }) {
  const { polls } = ctx;
  const slug = socket.data.talk;

  onCommand(socket, ctx, 'vote:cast', { schema: VoteSchema, limit: 'answer' }, async ({ poll, answer }) => {
    const voter = socket.data.voter;
    if (socket.data.role !== Role.audience || !voter) {
      throw new LecternError(ErrorCode.forbidden, 'Only audience devices with a voter id can answer (connect with auth.voter).');
    }
    const stored = await polls.vote(slug, voter, poll, answer);
    // Voters see live results (unless hidden): they join the poll's voter room once stored.
    void socket.join(votersRoom(slug, stored.runId, poll));
    return { poll, answer: stored.answer };
  });

  const control = { schema: PollRefSchema, limit: 'control' as const };
  onCommand(socket, ctx, 'poll:open', control, ({ poll }) => (requirePresenter(socket), polls.open(slug, poll)));
  onCommand(socket, ctx, 'poll:close', control, ({ poll }) => (requirePresenter(socket), polls.close(slug, poll)));
  onCommand(socket, ctx, 'poll:reset', control, ({ poll }) => (requirePresenter(socket), polls.reset(slug, poll)));
  onCommand(socket, ctx, 'poll:reveal', { schema: RevealSchema, limit: 'control' }, ({ poll, reveal }) => (requirePresenter(socket), polls.reveal(slug, poll, reveal)));
  onCommand(socket, ctx, 'poll:create', { schema: NewPollSchema, limit: 'control' }, (input) => (requirePresenter(socket), polls.create(slug, pollSpecFrom(input))));
}
