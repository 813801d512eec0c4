import { Role } from '../../contract/events.js';
import { GotoSchema, NoPayloadSchema } from '../../contract/schemas.js';
import { ErrorCode, LecternError } from '../domain/errors.js';
import type { Talks } from '../live/talks.js';
import { command, type CommandTable } from './ack.js';
import type { LecternSocket } from './types.js';

/** Throws `forbidden` unless the socket connected with the presenter key. */
export function requirePresenter(socket: LecternSocket) {
  if (socket.data.role !== Role.presenter) {
    throw new LecternError(ErrorCode.forbidden, 'Only the presenter can do that: connect with the presenter key.');
  }
}

/** Slide and run commands; only a socket that connected with the presenter key may use them. */
export function presenterCommands(talks: Talks): CommandTable {
  const move = (socket: LecternSocket, to: Parameters<Talks['move']>[1]) => (requirePresenter(socket), talks.move(socket.data.talk, to));
  return [
    ['slide:goto', command(GotoSchema, 'control', ({ index, step }, socket) => move(socket, { kind: 'goto', index, ...(step === undefined ? {} : { step }) }))],
    ['slide:next', command(NoPayloadSchema, 'control', (_, socket) => move(socket, { kind: 'next' }))],
    ['slide:prev', command(NoPayloadSchema, 'control', (_, socket) => move(socket, { kind: 'prev' }))],
    ['run:start', command(NoPayloadSchema, 'control', (_, socket) => (requirePresenter(socket), talks.startRun(socket.data.talk)))],
  ];
}
