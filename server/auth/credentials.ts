/**
 * Checks a key or session presented for a talk, the same for the socket handshake and HTTP.
 *
 * Order matters: a session is looked up, and a key compared (in constant time) with the talk's
 * keys, *before* the address's lockout is consulted, so a right key or session is never refused
 * because someone else behind the same address guessed wrong. The lockout only slows and refuses
 * wrong keys (each logged with its address).
 */
import type { Logger } from 'pino';
import { ErrorCode, LecternError } from '../domain/errors.js';
import type { KeyedRole, KeyScope } from '../domain/roles.js';
import type { KeyBook } from './keys.js';
import type { KeyLockout } from './lockout.js';
import type { Sessions } from './sessions.js';

/** Everything checking a credential needs, wherever it arrives. */
export interface CredentialDeps {
  keys: KeyBook;
  sessions: Sessions;
  lockout: KeyLockout;
  log?: Logger;
  /** Read the client's address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy?: boolean;
  /** How long a wrong key from a locked-out address waits before it is refused (ms, default 1 s). */
  wrongKeyDelayMs?: number;
  /** A talk's front matter (`moderators: drive`), for routes that check who may drive it. */
  deckMeta?: (slug: string) => Record<string, unknown> | undefined;
}

/** Who a credential makes its bearer: the role, the scope, and the session when it was one. */
export interface Credential {
  role: KeyedRole;
  scope: KeyScope;
  /** Set when a session (not a key) was presented: its id and the secret itself. */
  session?: { id: number; token: string };
}

/** Wrong keys from one address waiting out their delay at once; more are refused straight away. */
const MAX_DELAYED_PER_ADDRESS = 16;
const delayed = new Map<string, number>();

async function slowRefusal(address: string, ms: number): Promise<void> {
  const n = delayed.get(address) ?? 0;
  if (n >= MAX_DELAYED_PER_ADDRESS || ms <= 0) return;
  delayed.set(address, n + 1);
  try {
    await new Promise((resolve) => setTimeout(resolve, ms).unref());
  } finally {
    const left = (delayed.get(address) ?? 1) - 1;
    if (left > 0) delayed.set(address, left);
    else delayed.delete(address);
  }
}

/** Checks `presented` for `talk` from `address`; throws `unauthorized` or `rate_limited` when wrong. */
export async function checkCredential(presented: string, talk: string, deps: CredentialDeps, address: string): Promise<Credential> {
  if (deps.sessions.looksLikeSession(presented)) {
    const grant = await deps.sessions.verify(presented, talk);
    if (grant) return { role: grant.role, scope: grant.scope, session: { id: grant.id, token: presented } };
  } else {
    const grant = deps.keys.match(talk, presented);
    if (grant) {
      if (deps.lockout.lockedFor(address) > 0) deps.log?.info({ talk, address, role: grant.role }, 'right key from an address locked out for wrong keys: let in');
      return grant;
    }
  }
  const wait = deps.lockout.lockedFor(address);
  deps.lockout.failed(address);
  deps.log?.warn({ talk, address, failures: deps.lockout.failures(address) }, 'wrong presenter/moderator key or unknown session');
  if (wait > 0) {
    await slowRefusal(address, Math.min(wait, deps.wrongKeyDelayMs ?? 1_000));
    throw new LecternError(ErrorCode.rateLimited, `Too many wrong keys from this address; try again in ${Math.ceil(wait / 1000)} s.`);
  }
  throw new LecternError(
    ErrorCode.unauthorized,
    deps.sessions.looksLikeSession(presented) ? 'This device was signed out, or its session expired: give the key again.' : 'Wrong presenter key or moderator key.',
  );
}
