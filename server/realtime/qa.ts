import { Role } from '../contract/events.js';
import { AskSchema, ModerateSchema, ReactionSchema, UpvoteSchema } from '../contract/schemas.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { questionView, type Qa } from '../live/qa.js';
import type { createReactions } from '../live/reactions.js';
import { onCommand, type CommandContext } from './ack.js';
import { requirePresenter } from './presenter.js';
import type { LecternSocket } from './types.js';

/** Questions and upvotes from phones, moderation from the presenter, reaction taps. */
export function registerQaHandlers(socket: LecternSocket, ctx: CommandContext & { qa: Qa; reactions: ReturnType<typeof createReactions> }) {
  const { qa, reactions } = ctx;
  const slug = socket.data.talk;
  const voterOf = () => {
    if (socket.data.role !== Role.audience || !socket.data.voter) {
      throw new LecternError(ErrorCode.forbidden, 'Only audience devices with a voter id can do that (connect with auth.voter).');
    }
    return socket.data.voter;
  };

  onCommand(socket, ctx, 'question:ask', { schema: AskSchema, limit: 'answer' }, async ({ text, name }) =>
    questionView(await qa.ask(slug, voterOf(), text, name), socket.data.voter),
  );
  onCommand(socket, ctx, 'question:upvote', { schema: UpvoteSchema, limit: 'answer' }, ({ id, up }) => qa.upvote(slug, voterOf(), id, up));
  onCommand(socket, ctx, 'question:moderate', { schema: ModerateSchema, limit: 'control' }, async ({ id, action }) => {
    requirePresenter(socket);
    return questionView(await qa.moderate(slug, id, action));
  });
  onCommand(socket, ctx, 'reaction:send', { schema: ReactionSchema, limit: 'reaction' }, ({ kind }) => {
    voterOf();
    reactions.add(slug, kind);
    return { kind };
  });
}
