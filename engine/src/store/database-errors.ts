/** Node socket errors that mean PostgreSQL cannot be reached right now. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * SQLSTATE classes that say the server cannot do the work now, not that the
 * work is wrong: 08 connection exception, 53 insufficient resources (disk
 * full, out of memory, too many connections), 57P01–57P03 shutdown or
 * start-up, 58 system (I/O) error.
 */
const UNAVAILABLE_STATES = /^(08|53|57P0[123]|58)/;

/** pg's own messages for a connection that broke or could not be made in time. */
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/**
 * True when a database error means "PostgreSQL is unreachable or cannot
 * work now" (worth a retry once it is back), false for errors of the work
 * itself (a constraint, a bug). The gateway answers the first kind
 * UNAVAILABLE, which every Zeebe client retries.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : '';
  if (NETWORK_CODES.has(code) || UNAVAILABLE_STATES.test(code)) return true;
  if (CONNECTION_MESSAGES.test(error.message)) return true;
  return error instanceof AggregateError && error.errors.some(isDatabaseUnavailable);
}
