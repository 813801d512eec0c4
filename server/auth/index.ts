/**
 * Who may act as the presenter, shared by HTTP (server/middleware/presenter-auth.ts) and the socket
 * handshake (server/realtime/auth.ts): key and session checks, the key lockout, the client's address
 * and Bearer parsing. Neither side imports the other.
 */
import type { KeyLockout } from './lockout.js';

export { bearerToken, isBearer } from './bearer.js';
export { clientAddress, lastForwardedHop, type ConnectionInfo } from './client-address.js';
export { createKeyLockout, type KeyLockout, type KeyLockoutOptions } from './lockout.js';
export { checkPresenterCredential, keyMatches, presenterSession } from './presenter-key.js';

/** What checking a presenter credential needs, wherever it arrives. */
export interface PresenterAuthOptions {
  presenterKey: string;
  lockout: KeyLockout;
  /** Read the client's address from X-Forwarded-For (TRUST_PROXY). */
  trustProxy?: boolean;
}
