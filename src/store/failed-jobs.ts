import type { Db } from './db.ts';

export interface FailedJob {
  id: number;
  kind: string;
  key: string;
  attempts: number;
  last_error: string | null;
  finished_at: Date | null;
}

/** Jobs failed for good, newest first, and how many there are in all. */
export async function listFailedJobs(db: Db, limit = 20): Promise<{ jobs: FailedJob[]; total: number }> {
  const { rows } = await db.query<FailedJob>(
    `SELECT id, kind, key, attempts, last_error, finished_at FROM jobs WHERE state = 'failed' ORDER BY finished_at DESC NULLS LAST, id DESC LIMIT $1`,
    [limit],
  );
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM jobs WHERE state = 'failed'`);
  return { jobs: rows, total: total.rows[0]?.n ?? 0 };
}

/** How many jobs failed for good, by kind. */
export async function failedJobsByKind(db: Db): Promise<Array<{ kind: string; n: number }>> {
  return (await db.query<{ kind: string; n: number }>(`SELECT kind, count(*)::int AS n FROM jobs WHERE state = 'failed' GROUP BY kind`)).rows;
}

export async function getJob(db: Db, id: number): Promise<(FailedJob & { state: string }) | null> {
  return (await db.query<FailedJob & { state: string }>('SELECT id, kind, key, state, attempts, last_error, finished_at FROM jobs WHERE id = $1', [id])).rows[0] ?? null;
}

/**
 * A failed job queued again with fresh attempts (its last error kept until the next run). When the
 * same work is already queued, that job will do it: 'already-queued', and this one stays failed.
 */
export async function retryFailedJob(db: Db, id: number): Promise<'queued' | 'already-queued' | 'not-failed'> {
  return db.transaction(async (tx) => {
    const job = (await tx.query<{ key: string }>(`SELECT key FROM jobs WHERE id = $1 AND state = 'failed' FOR UPDATE`, [id])).rows[0];
    if (!job) return 'not-failed';
    const waiting = await tx.query(`SELECT 1 FROM jobs WHERE key = $1 AND state = 'queued'`, [job.key]);
    if (waiting.rowCount > 0) return 'already-queued';
    await tx.query(
      `UPDATE jobs SET state = 'queued', attempts = 0, run_at = now(), finished_at = NULL, lease_until = NULL, locked_by = NULL, updated_at = now() WHERE id = $1`,
      [id],
    );
    return 'queued';
  });
}
