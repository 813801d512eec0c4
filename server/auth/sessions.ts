/**
 * Presenter and moderator sessions: a random 256-bit secret per signed-in device, given in `state`
 * and kept by the device in place of the key. Only its sha256 is stored (db `sessions`), scoped to
 * one talk or, from the admin key, to every talk. Any process accepts it (the database is shared);
 * each caches a lookup for a few seconds. A session idle longer than `idleMs` is refused and swept;
 * deleting its row signs the device out (`revoke`, which also tells the other processes).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import {
  deleteIdleSessions,
  deleteSessions,
  findSessionByHash,
  insertSession,
  sessionsForTalk,
  touchSessions,
  type SessionRow,
} from '../../db/repo/sessions.js';
import { KEYED_ROLES, scopeCovers, type KeyedRole, type KeyScope } from '../domain/roles.js';

export type { SessionRow } from '../../db/repo/sessions.js';

/** Sessions start with this, so a credential is known to be one without a lookup. */
export const SESSION_PREFIX = 'ls2.';
const SESSION_PATTERN = /^ls2\.[A-Za-z0-9_-]{43}$/;

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/** A session that checked out. */
export interface SessionGrant {
  id: number;
  role: KeyedRole;
  scope: KeyScope;
}

export interface SessionsOptions {
  db: Db;
  log: Logger;
  /** A session unused this long is refused and deleted. */
  idleMs: number;
  /** How long a lookup is trusted without asking the database again. */
  cacheMs?: number;
  /** Last-seen times are written at most this often per session. */
  touchEveryMs?: number;
  /** Told about sessions this process signed out, to pass on to the other processes. */
  onRevoked?: (ids: number[]) => void;
  now?: () => number;
}

/** See the module comment. */
export function createSessions(opts: SessionsOptions) {
  const { db, log, idleMs, cacheMs = 5_000, touchEveryMs = 60_000, now = Date.now } = opts;
  /** Lookups by hash: the row (or null: no such session) and when it was read. */
  const cache = new Map<string, { row: SessionRow | null; at: number }>();
  /** Sessions held by a connected socket here, and how many: kept fresh while connected. */
  const held = new Map<number, number>();
  const revokedListeners = new Set<(ids: number[]) => void>();

  const grantOf = (row: SessionRow): SessionGrant | null => {
    const role = KEYED_ROLES.find((r) => r === row.role);
    if (!role) return null;
    return { id: row.id, role, scope: row.talk === null ? { kind: 'admin' } : { kind: 'talk', talk: row.talk } };
  };

  async function touch(ids: number[]) {
    await touchSessions(db, ids, new Date(now())).catch((err: Error) => log.warn({ err: err.message }, 'could not mark sessions as used'));
  }

  // Connected devices stay signed in; idle ones past the expiry are swept.
  const timer = setInterval(() => {
    void touch([...held.keys()]);
    void deleteIdleSessions(db, now() - idleMs).catch((err: Error) => log.warn({ err: err.message }, 'could not sweep idle sessions'));
  }, Math.min(touchEveryMs * 5, idleMs / 2));
  timer.unref();

  function forget(ids: readonly number[]) {
    const gone = new Set(ids);
    for (const [hash, entry] of cache) if (entry.row && gone.has(entry.row.id)) cache.delete(hash);
    if (ids.length) for (const listener of revokedListeners) listener([...ids]);
  }

  return {
    /** True when `credential` is shaped like a session (it may still be unknown or expired). */
    looksLikeSession: (credential: string) => SESSION_PATTERN.test(credential),

    /** Makes a new session for a device that just gave a key; returns the secret to hand it. */
    async issue(grant: { role: KeyedRole; scope: KeyScope }, label: string): Promise<{ token: string; session: SessionGrant }> {
      const token = SESSION_PREFIX + randomBytes(32).toString('base64url');
      const row = await insertSession(db, {
        tokenHash: hashOf(token),
        talk: grant.scope.kind === 'admin' ? null : grant.scope.talk,
        role: grant.role,
        label: label.slice(0, 160),
      }, new Date(now()));
      cache.set(hashOf(token), { row, at: now() });
      return { token, session: { id: row.id, role: grant.role, scope: grant.scope } };
    },

    /** The session `token` opens in `talk`, or null (unknown, signed out, idle too long, another talk). */
    async verify(token: string, talk: string): Promise<SessionGrant | null> {
      if (!SESSION_PATTERN.test(token)) return null;
      const hash = hashOf(token);
      let entry = cache.get(hash);
      if (!entry || now() - entry.at > cacheMs) {
        entry = { row: await findSessionByHash(db, hash), at: now() };
        cache.set(hash, entry);
        // bounded: made-up sessions cannot grow it without limit
        if (cache.size > 10_000) cache.delete(cache.keys().next().value!);
      }
      const row = entry.row;
      if (!row) return null;
      if (now() - row.lastSeenAt > idleMs) {
        cache.delete(hash);
        void deleteSessions(db, row.talk ?? '', { id: row.id }, { admin: row.talk === null }).catch(() => undefined);
        return null;
      }
      const grant = grantOf(row);
      if (!grant || !scopeCovers(grant.scope, talk)) return null;
      if (now() - row.lastSeenAt > touchEveryMs) {
        row.lastSeenAt = now();
        void touch([row.id]);
      }
      return grant;
    },

    /** A socket holds this session: it stays fresh while the socket is connected. */
    hold(id: number) {
      held.set(id, (held.get(id) ?? 0) + 1);
    },
    release(id: number) {
      const n = (held.get(id) ?? 1) - 1;
      if (n > 0) held.set(id, n);
      else {
        held.delete(id);
        void touch([id]);
      }
    },

    /** The devices signed in to `talk` (admin ones too for an admin). */
    list: (talk: string, opts: { admin?: boolean } = {}) => sessionsForTalk(db, talk, opts),

    /** Signs out one session of `talk`, or all but `keep`; returns the ids signed out. */
    async revoke(talk: string, which: { id: number } | { allBut?: number }, o: { admin?: boolean } = {}): Promise<number[]> {
      const ids = await deleteSessions(db, talk, which, o);
      forget(ids);
      if (ids.length) opts.onRevoked?.(ids);
      return ids;
    },

    /** Another process signed these out: drop them here too. */
    revokedElsewhere(ids: readonly number[]) {
      forget(ids);
    },

    /** Called with the ids of every session signed out (here or by another process). */
    onRevoked(listener: (ids: number[]) => void): () => void {
      revokedListeners.add(listener);
      return () => void revokedListeners.delete(listener);
    },

    close() {
      clearInterval(timer);
      revokedListeners.clear();
    },
  };
}

export type Sessions = ReturnType<typeof createSessions>;
