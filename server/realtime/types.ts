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
}

export type LecternServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type LecternSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
