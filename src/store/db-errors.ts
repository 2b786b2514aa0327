/**
 * SQLSTATE classes of errors that the same statement with the same data will raise again: retrying
 * them only delays the moment an operator sees them. Class 22 is "data exception" (a NUL byte in
 * text, a value out of range, bad JSON), 23502/23514 a NOT NULL or CHECK constraint, 42 a
 * statement the schema does not accept. Unique (23505) and foreign-key (23503) violations are left
 * retryable: a concurrent writer often causes them and the next attempt sees its row.
 */
export function isDeterministicDbError(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !/^[0-9A-Z]{5}$/.test(code)) return false;
  return code.startsWith('22') || code === '23502' || code === '23514' || code.startsWith('42');
}

/** The SQLSTATE of a database error, for logs and stored errors ("22021"), or null. */
export function sqlState(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : null;
}
