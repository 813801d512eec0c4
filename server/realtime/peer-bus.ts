import type { PeerBus, PeerMessage } from '../live/peers.js';
import type { LecternServer } from './types.js';

/** Messages between the processes of one deployment, over the cluster adapter (none without one). */
export function createPeerBus(io: LecternServer, clustered: boolean): PeerBus {
  const handlers = new Set<(m: PeerMessage) => void>();
  io.on('peer', (message) => handlers.forEach((h) => h(message)));
  return {
    publish: (message) => {
      if (clustered) io.serverSideEmit('peer', message);
    },
    subscribe: (handler) => (handlers.add(handler), () => void handlers.delete(handler)),
  };
}
