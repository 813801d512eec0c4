import { Role } from '../contract/events.js';
import { GotoSchema, NoPayloadSchema } from '../contract/schemas.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import type { Talks } from '../live/talks.js';
import { onCommand, type CommandContext } from './ack.js';
import type { LecternSocket } from './types.js';

/** Throws `forbidden` unless the socket connected with the presenter key. */
export function requirePresenter(socket: LecternSocket) {
  if (socket.data.role !== Role.presenter) {
    throw new LecternError(ErrorCode.forbidden, 'Only the presenter can do that: connect with the presenter key.');
  }
}

/** Slide and run commands; only a socket that connected with the presenter key may use them. */
export function registerPresenterHandlers(socket: LecternSocket, ctx: CommandContext & { talks: Talks }) {
  const { talks } = ctx;
  const slug = socket.data.talk;
  const control = { schema: NoPayloadSchema, limit: 'control' as const };
  onCommand(socket, ctx, 'slide:goto', { schema: GotoSchema, limit: 'control' }, ({ index }) => (requirePresenter(socket), talks.move(slug, { kind: 'goto', index })));
  onCommand(socket, ctx, 'slide:next', control, () => (requirePresenter(socket), talks.move(slug, { kind: 'next' })));
  onCommand(socket, ctx, 'slide:prev', control, () => (requirePresenter(socket), talks.move(slug, { kind: 'prev' })));
  onCommand(socket, ctx, 'run:start', control, () => (requirePresenter(socket), talks.startRun(slug)));
}
