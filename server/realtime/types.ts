import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, Role, ServerToClientEvents } from '../../contract/events.js';
import type { PeerMessage } from '../live/peers.js';

/** Between Lectern processes sharing a deployment (see server/live/peers.ts). Server-only: no client sees these. */
export interface InterServerEvents {
  peer: (message: PeerMessage) => void;
}

/** What the server keeps on each socket once its handshake is accepted. */
export interface SocketData {
  role: Role;
  talk: string;
  voter?: string;
  /** Presenter and moderator: the id of the session the socket signed in with (sessions table). */
  session?: number;
  /** Signed in with the admin key (or an admin session): presenter of every talk. */
  admin?: boolean;
  /** Moderator of a deck that says `moderators: drive` (as the deck was when the device connected). */
  moderatorsDrive?: boolean;
}

export type LecternServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type LecternSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
