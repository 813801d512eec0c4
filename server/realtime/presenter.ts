import { GotoSchema, NoPayloadSchema } from '../../contract/schemas.js';
import { requireDrive } from '../domain/roles.js';
import type { Talks } from '../live/talks.js';
import { command, type CommandTable } from './ack.js';
import type { LecternSocket } from './types.js';

/**
 * Throws `forbidden` unless the socket may drive the talk (slides, runs, polls): the presenter, or a
 * moderator of a deck that says `moderators: drive` (read when the device connected).
 */
export function requirePresenter(socket: LecternSocket) {
  requireDrive(socket.data.role, { meta: socket.data.moderatorsDrive ? { moderators: 'drive' } : {} });
}

/** Slide and run commands: for the presenter, and moderators where the deck lets them drive. */
export function presenterCommands(talks: Talks): CommandTable {
  const move = (socket: LecternSocket, to: Parameters<Talks['move']>[1]) => (requirePresenter(socket), talks.move(socket.data.talk, to));
  return [
    ['slide:goto', command(GotoSchema, 'control', ({ index, step }, socket) => move(socket, { kind: 'goto', index, ...(step === undefined ? {} : { step }) }))],
    ['slide:next', command(NoPayloadSchema, 'control', (_, socket) => move(socket, { kind: 'next' }))],
    ['slide:prev', command(NoPayloadSchema, 'control', (_, socket) => move(socket, { kind: 'prev' }))],
    ['run:start', command(NoPayloadSchema, 'control', (_, socket) => (requirePresenter(socket), talks.startRun(socket.data.talk)))],
    // the talk is over: everyone hears `run:ended`, phones offer the handout
    ['run:end', command(NoPayloadSchema, 'control', (_, socket) => (requirePresenter(socket), talks.endRun(socket.data.talk)))],
  ];
}
