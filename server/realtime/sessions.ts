import type { SessionInfo } from '../../contract/events.js';
import { NoPayloadSchema, RevokeSchema } from '../../contract/schemas.js';
import type { Sessions } from '../auth/index.js';
import { requireOwner } from '../domain/roles.js';
import type { PeerBus } from '../live/peers.js';
import { command, type CommandTable } from './ack.js';
import type { LecternServer, LecternSocket } from './types.js';

/**
 * Signed-in devices: the presenter lists them and signs one or all others out. A device signed out
 * is told (`session:ended`) and disconnected, on every process (the peer bus carries the ids).
 */
export function sessionCommands(io: LecternServer, sessions: Sessions): CommandTable {
  /** Session ids with a socket on this process. */
  const connected = () => new Set([...io.of('/').sockets.values()].map((s) => s.data.session).filter((id) => id !== undefined));
  const owner = (socket: LecternSocket) => (requireOwner(socket.data.role), socket.data);
  return [
    [
      'sessions:list',
      command(NoPayloadSchema, 'control', async (_, socket) => {
        const { talk, session, admin } = owner(socket);
        const here = connected();
        const rows = await sessions.list(talk, { admin: admin ?? false });
        return {
          sessions: rows.map(
            (r): SessionInfo => ({
              id: r.id,
              role: r.role === 'moderator' ? 'moderator' : 'presenter',
              admin: r.talk === null,
              label: r.label,
              createdAt: r.createdAt,
              lastSeenAt: here.has(r.id) ? Date.now() : r.lastSeenAt,
              current: r.id === session,
              connected: here.has(r.id),
            }),
          ),
        };
      }),
    ],
    [
      'sessions:revoke',
      command(RevokeSchema, 'control', async (which, socket) => {
        const { talk, session, admin } = owner(socket);
        const ids = await sessions.revoke(talk, 'id' in which ? { id: which.id } : session === undefined ? {} : { allBut: session }, { admin: admin ?? false });
        return { revoked: ids.length };
      }),
    ],
  ];
}

/**
 * Disconnects this process's sockets of sessions signed out here or elsewhere, and passes ids
 * signed out here to the other processes. Returns the unsubscribe.
 */
export function disconnectRevoked(io: LecternServer, sessions: Sessions, peers: PeerBus): () => void {
  const stop = sessions.onRevoked((ids) => {
    const gone = new Set(ids);
    for (const socket of io.of('/').sockets.values()) {
      if (socket.data.session === undefined || !gone.has(socket.data.session)) continue;
      socket.emit('session:ended', { message: 'This device was signed out from the presenter console. Give the key again to sign back in.' });
      socket.disconnect(true);
    }
  });
  const unsubscribe = peers.subscribe((message) => {
    if (message.type === 'sessions-revoked') sessions.revokedElsewhere(message.ids);
  });
  return () => (stop(), unsubscribe());
}
