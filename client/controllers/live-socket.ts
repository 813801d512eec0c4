/** The typed socket the pages share, its connection states, and commands with ack + timeout. */
import type { Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, Err, ServerToClientEvents } from '../../contract/events.js';

/** How long a command waits for the server's ack before reporting a timeout. */
export const ACK_TIMEOUT_MS = 5000;

export const ConnectionStatus = {
  idle: 'idle',
  connecting: 'connecting',
  live: 'live',
  reconnecting: 'reconnecting',
  error: 'error',
} as const;
export type ConnectionStatus = (typeof ConnectionStatus)[keyof typeof ConnectionStatus];

/** The typed socket a TalkController owns. */
export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
/** A socket whose commands time out, as `sendCommand` hands it to the caller. */
export type TimedSocket = ReturnType<LiveSocket['timeout']>;

/** A refusal made on this side of the wire (no connection, no answer). */
export const failure = (code: string, message: string): Err => ({ ok: false, error: { code, message } });

/** Emits a command and waits for its ack; a missing connection or a timeout becomes an error ack. */
export async function sendCommand<T>(socket: LiveSocket | undefined, emit: (s: TimedSocket) => Promise<Ack<T>>): Promise<Ack<T>> {
  if (!socket?.connected) return failure('unavailable', 'Not connected to the server. Wait until the badge shows Live.');
  try {
    return await emit(socket.timeout(ACK_TIMEOUT_MS));
  } catch {
    return failure('timeout', `The server did not answer within ${ACK_TIMEOUT_MS / 1000} s. Check the connection and try again.`);
  }
}
