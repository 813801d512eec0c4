/** The Postgres at DATABASE_URL did not answer at start; the message says where and why. */
export class DatabaseUnreachableError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`Could not reach the database at ${url}: ${reason}`, options);
    this.name = 'DatabaseUnreachableError';
  }
}

/** The URL with its password replaced, safe for logs and error messages. */
export function maskDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    // Not a URL we can take apart: show nothing rather than risk printing a password.
    return '<unparseable DATABASE_URL>';
  }
}

/** A sentence a person can act on, from a pg connection error. */
export function describeConnectionError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  const hint = code ? CONNECTION_HINTS[code] : undefined;
  const detail = message || String(error);
  return hint ? `${hint} (${code}: ${detail})` : detail;
}

// Node socket errors and Postgres SQLSTATEs seen when a connection is refused at start.
const CONNECTION_HINTS: Record<string, string> = {
  ECONNREFUSED: 'connection refused; is Postgres running and listening on that host and port?',
  ENOTFOUND: 'host not found; check the host name',
  EAI_AGAIN: 'host name lookup failed; check the host name and DNS',
  ETIMEDOUT: 'connection timed out; check the host, port and firewall',
  ECONNRESET: 'the server closed the connection; check the port and TLS settings',
  '3D000': 'the database does not exist; create it or fix the name in the URL',
  '28P01': 'authentication failed; check the user name and password',
  '28000': 'the server refused this user or client; check pg_hba.conf and the user name',
  '57P03': 'the server is starting up or shutting down; try again shortly',
  '53300': 'too many connections; the server has no free connection slots',
};

// Node socket errors and Postgres SQLSTATEs that mean "the database is not there right now":
// connection exceptions (08…), shutdown in progress (57P01–57P03), too many connections.
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300']);

/** True when an error means the database is unreachable for now (worth a retry), not that the query was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && (UNAVAILABLE_CODES.has(code) || code.startsWith('08'))) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect|Query read timeout/i.test(message)) return true;
  }
  return false;
}
