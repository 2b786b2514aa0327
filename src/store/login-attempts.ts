import type { Db } from './db.ts';

export async function recordLoginAttempt(db: Db, a: { at: Date; email: string; address: string; ok: boolean }): Promise<void> {
  await db.query('INSERT INTO login_attempts (at, email, address, ok) VALUES ($1, $2, $3, $4)', [a.at, a.email, a.address, a.ok]);
}

export interface FailureCount {
  count: number;
  /** The oldest failure that still counts: the throttle lifts a window after it. */
  oldest: Date | null;
}

/** Failures for an account since `since`, and since its last successful login. */
export async function accountFailures(db: Db, email: string, since: Date): Promise<FailureCount> {
  const { rows } = await db.query<{ n: string | number; oldest: Date | null }>(
    `SELECT count(*) AS n, min(at) AS oldest FROM login_attempts
     WHERE email = $1 AND NOT ok AND at > $2
       AND at > coalesce((SELECT max(at) FROM login_attempts WHERE email = $1 AND ok), '-infinity')`,
    [email, since],
  );
  return { count: Number(rows[0]!.n), oldest: rows[0]!.oldest };
}

/** Failures from one address since `since`, whatever account they named. */
export async function addressFailures(db: Db, address: string, since: Date): Promise<FailureCount> {
  const { rows } = await db.query<{ n: string | number; oldest: Date | null }>(
    'SELECT count(*) AS n, min(at) AS oldest FROM login_attempts WHERE address = $1 AND NOT ok AND at > $2',
    [address, since],
  );
  return { count: Number(rows[0]!.n), oldest: rows[0]!.oldest };
}

export async function deleteLoginAttemptsBefore(db: Db, before: Date): Promise<void> {
  await db.query('DELETE FROM login_attempts WHERE at < $1', [before]);
}
