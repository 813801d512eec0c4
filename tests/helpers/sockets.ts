import { io, type Socket } from 'socket.io-client';
import { afterEach } from 'vitest';
import type { ClientToServerEvents, HandshakeAuth, ServerToClientEvents, TalkState } from '../../contract/events.js';
import { asVoter } from './voters.js';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * Closes after each test the sockets its tests open; call it in a `describe`. Returns `track`, which
 * registers a connection (`connect(...).then(track)`) and passes it on.
 */
export function closeSocketsAfterEach(): <T extends { socket: TestSocket }>(connection: T) => T {
  const open: TestSocket[] = [];
  afterEach(() => {
    open.splice(0).forEach((s) => s.close());
  });
  return (connection) => (open.push(connection.socket), connection);
}

/**
 * Connects a real socket.io-client and resolves with the socket and the first `state` it gets.
 * `auth.voter` names the voter: the socket sends the signed cookie the server issues for that id.
 */
export async function connect(url: string, auth: HandshakeAuth): Promise<{ socket: TestSocket; state: TalkState }> {
  const socket: TestSocket = io(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true, ...asVoter(auth.voter) });
  const state = await new Promise<TalkState>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no state within 10 s')), 10_000);
    socket.once('state', (s) => (clearTimeout(timer), resolve(s)));
    socket.once('connect_error', (err) => (clearTimeout(timer), socket.close(), reject(err)));
  });
  return { socket, state };
}

/** Resolves with the connect_error a refused handshake produces. */
export function connectError(url: string, auth: unknown): Promise<Error & { data?: { code?: string } }> {
  const voter = (auth as { voter?: unknown } | null)?.voter;
  const socket = io(url, { auth: auth as object, transports: ['websocket'], reconnection: false, forceNew: true, ...asVoter(typeof voter === 'string' ? voter : undefined) });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => (socket.close(), reject(new Error('connected, expected a refusal'))));
    socket.once('connect_error', (err) => (socket.close(), resolve(err as Error & { data?: { code?: string } })));
  });
}

/** Resolves with the next `event` payload, or rejects after `ms`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  ms = 5_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${ms} ms`)), ms);
    (socket as Socket).once(event as string, (payload: unknown) => {
      clearTimeout(timer);
      resolve(payload as Parameters<ServerToClientEvents[E]>[0]);
    });
  });
}

/**
 * Resolves with the first `event` payload that `matches`, skipping others: an announcement from an
 * earlier step (a new run's empty poll screen) may still be on its way when a test starts waiting.
 */
export function nextEventWhere<E extends keyof ServerToClientEvents>(
  socket: TestSocket,
  event: E,
  matches: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean,
  ms = 5_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  const s = socket as Socket;
  return new Promise((resolve, reject) => {
    const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!matches(payload)) return;
      clearTimeout(timer);
      s.off(event as string, listener);
      resolve(payload);
    };
    const timer = setTimeout(() => (s.off(event as string, listener), reject(new Error(`no matching ${String(event)} within ${ms} ms`))), ms);
    s.on(event as string, listener);
  });
}

/** Resolves true if `event` arrives within `ms`, false otherwise; for asserting that nothing happened. */
export function arrives(socket: TestSocket, event: keyof ServerToClientEvents, ms = 300): Promise<boolean> {
  return nextEvent(socket, event, ms).then(
    () => true,
    () => false,
  );
}
