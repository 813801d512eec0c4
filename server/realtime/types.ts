import type { Server, Socket } from 'socket.io';
import type { ClientToServerEvents, InterServerEvents, ServerToClientEvents, SocketData } from '../contract/events.js';

export type LecternServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type LecternSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
