/**
 * Whether an error means the database is away (restarting, shutting down, unreachable, out of
 * connections) rather than that the request was wrong: such a request is answered 503 with a
 * retry hint and the desk sends it again; nothing of it was kept (its transaction did not commit).
 */
const outageCodes = new Set([
  // PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // The socket to the database
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  // SQLite: another writer held the store past the busy timeout
  'SQLITE_BUSY',
]);

/** node-postgres's own words when the socket went away under it (it gives these no code). */
const outageMessages = /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect|Client was closed/i;

export function isStoreOutage(e: unknown): boolean {
  let current: unknown = e;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const { code, message, cause } = current as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && (outageCodes.has(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && outageMessages.test(message)) return true;
    // AggregateError (a refused connection to each of several addresses)
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.some(isStoreOutage)) return true;
    current = cause;
  }
  return false;
}

/** How long a desk waits before it asks again while the database is away. */
export const retryAfterMs = 1000;
