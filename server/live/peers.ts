/**
 * What one process tells the others when several serve the same talks. Only state changes and
 * counts cross processes; votes never do (each process writes its own, the database adds them up).
 */
export type PeerMessage =
  | { type: 'slide'; slug: string; runId: number; slide: number; step?: number }
  | { type: 'run'; slug: string }
  | { type: 'polls'; slug: string }
  /** A run's quiz standing changed (a reveal, a reset, renames): peers recompute it for their sockets. */
  | { type: 'quiz'; slug: string }
  | { type: 'audience'; server: string; counts: Record<string, number> }
  /** Presenter/moderator sessions signed out: their devices are disconnected everywhere. */
  | { type: 'sessions-revoked'; ids: number[] };

export interface PeerBus {
  publish(message: PeerMessage): void;
  subscribe(handler: (message: PeerMessage) => void): () => void;
}
