import { Role } from '../../contract/events.js';
import { AskSchema, ModerateSchema, QaPageSchema, ReactionSchema, UpvoteSchema } from '../../contract/schemas.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import { questionView, type Qa } from '../live/qa.js';
import type { createReactions } from '../live/reactions.js';
import { command, type CommandTable } from './ack.js';
import { requireModerate } from '../domain/roles.js';
import type { LecternSocket } from './types.js';

/** The voter id of an audience socket; `forbidden` for the presenter, the screen or a phone without one. */
function voterOf(socket: LecternSocket): string {
  if (socket.data.role !== Role.audience || !socket.data.voter) {
    throw new LecternError(ErrorCode.forbidden, 'Only audience devices with a voter id can do that: reload the page to get one.');
  }
  return socket.data.voter;
}

/** Questions and upvotes from phones, moderation from the presenter, reaction taps. */
export function qaCommands(qa: Qa, reactions: ReturnType<typeof createReactions>): CommandTable {
  return [
    [
      'question:ask',
      command(AskSchema, 'question', async ({ text, name }, socket) => questionView(await qa.ask(socket.data.talk, voterOf(socket), text, name), socket.data.voter)),
    ],
    ['question:upvote', command(UpvoteSchema, 'upvote', ({ id, up }, socket) => qa.upvote(socket.data.talk, voterOf(socket), id, up))],
    [
      'qa:page',
      command(QaPageSchema, 'control', ({ before, limit }, socket) => {
        const { talk, role, voter } = socket.data;
        // staff (presenter, moderator) page through every status; the screen and phones what the room is shown
        const staff = role !== Role.audience && role !== Role.screen;
        return qa.page(talk, { staff, ...(voter ? { voter } : {}) }, before, limit);
      }),
    ],
    [
      'question:moderate',
      command(ModerateSchema, 'control', async ({ id, action }, socket) => {
        requireModerate(socket.data.role);
        return questionView(await qa.moderate(socket.data.talk, id, action));
      }),
    ],
    [
      'reaction:send',
      command(ReactionSchema, 'reaction', ({ kind }, socket) => {
        voterOf(socket);
        reactions.add(socket.data.talk, kind);
        return { kind };
      }),
    ],
  ];
}
