/**
 * Who may act as presenter or moderator, shared by HTTP (server/middleware/presenter-auth.ts) and
 * the socket handshake (server/realtime/auth.ts): the keys of each talk, sessions, the key lockout,
 * the client's address and Bearer parsing. Neither side imports the other.
 */
export { bearerToken, isBearer } from './bearer.js';
export { clientAddress, lastForwardedHop, type ConnectionInfo } from './client-address.js';
export { checkCredential, type Credential, type CredentialDeps } from './credentials.js';
export { createKeyBook, keyMatches, type KeyBook, type KeyBookOptions, type KeyGrant, type TalkKeys } from './keys.js';
export { createKeyLockout, type KeyLockout, type KeyLockoutOptions } from './lockout.js';
export { createSessions, SESSION_PREFIX, type SessionGrant, type SessionRow, type Sessions, type SessionsOptions } from './sessions.js';

/** What checking a presenter or moderator credential needs, wherever it arrives. */
export type { CredentialDeps as PresenterAuthOptions } from './credentials.js';
