import type { Logger } from 'pino';
import { Role } from '../contract/events.js';
import { GotoSchema, NoPayloadSchema } from '../contract/schemas.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import type { Talks } from '../live/talks.js';
import { command } from './ack.js';
import type { LecternSocket } from './types.js';

/** Slide and run commands; only a socket that connected with the presenter key may use them. */
export function registerPresenterHandlers(socket: LecternSocket, deps: { talks: Talks; log: Logger }) {
  const { talks, log } = deps;
  const slug = socket.data.talk;
  const presenterOnly = () => {
    if (socket.data.role !== Role.presenter) {
      throw new LecternError(ErrorCode.forbidden, 'Only the presenter can do that: connect with the presenter key.');
    }
  };
  socket.on('slide:goto', command(GotoSchema, ({ index }) => (presenterOnly(), talks.move(slug, { kind: 'goto', index })), log));
  socket.on('slide:next', command(NoPayloadSchema, () => (presenterOnly(), talks.move(slug, { kind: 'next' })), log));
  socket.on('slide:prev', command(NoPayloadSchema, () => (presenterOnly(), talks.move(slug, { kind: 'prev' })), log));
  socket.on('run:start', command(NoPayloadSchema, () => (presenterOnly(), talks.startRun(slug)), log));
}
