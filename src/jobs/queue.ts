import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db.ts';
import { BUSY_HOSTS_SQL } from '../store/host-limits.ts';
import { jsonParam } from '../store/sql-params.ts';

export interface NewJob {
  kind: string;
  /** What the job works on (`translate:article:42:es`): at most one queued job per key. */
  key: string;
  payload?: unknown;
  runAt?: Date;
  /**
   * Lower runs first, and a point is a second of head start: a job waits at most that many
   * seconds longer than a job of a better priority that came due at the same time.
   */
  priority?: number;
  maxAttempts?: number;
  /** The host the job will fetch from (hostKey()): not claimed while that host is at its limit. */
  host?: string | null;
  /**
   * A job already waiting under the key takes this one's payload (and the earlier time, the better
   * priority) instead of this one being dropped: an editor's forced retranslation must not vanish
   * behind the pipeline's ordinary job for the same article.
   */
  replace?: boolean;
}

export interface Job {
  id: number;
  kind: string;
  key: string;
  payload: unknown;
  attempts: number;
  max_attempts: number;
}

export interface QueueOptions {
  leaseSeconds?: number;
  workerId?: string;
}

/**
 * A small durable queue on PostgreSQL's `FOR UPDATE SKIP LOCKED`, the same on PGlite and a server.
 * Jobs are enqueued with the caller's transaction, claimed under a lease that expires (a killed
 * worker's job is picked up again), retried with backoff, and kept when they finally fail.
 */
export class JobQueue {
  readonly workerId: string;
  readonly leaseSeconds: number;

  constructor(readonly db: Db, opts: QueueOptions = {}) {
    this.workerId = opts.workerId ?? `${process.pid}:${randomUUID().slice(0, 8)}`;
    this.leaseSeconds = opts.leaseSeconds ?? 120;
  }

  /** Enqueues in `tx` (the transaction that wrote the row the job concerns). False if already queued. */
  static async enqueue(tx: Db, job: NewJob): Promise<boolean> {
    const result = await tx.query(
      `INSERT INTO jobs (kind, key, payload, run_at, priority, max_attempts, host)
       VALUES ($1, $2, $3, COALESCE($4, now()), $5, $6, $7)
       ON CONFLICT (key) WHERE state = 'queued' ${
         job.replace
           ? `DO UPDATE SET payload = EXCLUDED.payload, run_at = LEAST(jobs.run_at, EXCLUDED.run_at),
                            priority = LEAST(jobs.priority, EXCLUDED.priority), updated_at = now()`
           : 'DO NOTHING'
       }`,
      [job.kind, job.key, jsonParam(job.payload ?? {}), job.runAt ?? null, job.priority ?? 100, job.maxAttempts ?? 8, job.host ?? null],
    );
    return result.rowCount > 0;
  }

  enqueue(job: NewJob): Promise<boolean> {
    return JobQueue.enqueue(this.db, job);
  }

  /**
   * Claims up to `limit` ready jobs of `kinds`. A job whose lease expired (its worker died) is
   * ready again. A key never runs twice at once: a queued job waits while its key is running. A
   * job whose host is at its limit stays queued (it would only find the host busy and be put back).
   * Jobs age: each second past its due time counts as one point of priority, so a steady flow of
   * polls (20) delays an extract (50) by at most 30 s and never starves it — in the fault drill,
   * 1,000 sources' polls kept four workers busy and nothing was extracted in ten minutes.
   */
  async claim(kinds: string[], limit: number): Promise<Job[]> {
    const { rows } = await this.db.query<Job>(
      `WITH busy AS MATERIALIZED (${BUSY_HOSTS_SQL}),
       ready AS (
         SELECT id FROM jobs j
          WHERE j.kind = ANY($1::text[])
            AND ((j.state = 'queued' AND j.run_at <= now()) OR (j.state = 'running' AND j.lease_until < now()))
            AND NOT EXISTS (SELECT 1 FROM jobs r WHERE r.key = j.key AND r.id <> j.id
                              AND r.state = 'running' AND r.lease_until >= now())
            AND (j.host IS NULL OR j.host NOT IN (SELECT host FROM busy))
          ORDER BY j.priority - EXTRACT(EPOCH FROM now() - j.run_at), j.id
          LIMIT $2
          FOR UPDATE SKIP LOCKED)
       UPDATE jobs SET state = 'running', attempts = attempts + 1, locked_by = $3,
                       lease_until = now() + make_interval(secs => $4), updated_at = now()
        WHERE id IN (SELECT id FROM ready)
       RETURNING id, kind, key, payload, attempts, max_attempts`,
      [kinds, limit, this.workerId, this.leaseSeconds],
    );
    return rows;
  }

  /** A worker still busy with a long job keeps its lease alive. */
  async extendLease(job: Job): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [job.id, this.workerId, this.leaseSeconds],
    );
  }

  async complete(job: Job): Promise<void> {
    await this.db.query(
      `UPDATE jobs SET state = 'done', finished_at = now(), updated_at = now(), lease_until = NULL
        WHERE id = $1 AND locked_by = $2 AND state = 'running'`,
      [job.id, this.workerId],
    );
  }

  /**
   * Puts the job back for `runAt`, or marks it failed for good (kept, with its error). A job
   * postponed without counting an attempt (a host limit) keeps its last real error.
   */
  async retryOrFail(job: Job, error: string, next: { runAt: Date; countAttempt: boolean } | null): Promise<'retry' | 'failed'> {
    const exhausted = next === null || (next.countAttempt && job.attempts >= job.max_attempts);
    if (exhausted) {
      await this.db.query(
        `UPDATE jobs SET state = 'failed', last_error = $3, finished_at = now(), updated_at = now(), lease_until = NULL
          WHERE id = $1 AND locked_by = $2`,
        [job.id, this.workerId, error],
      );
      return 'failed';
    }
    const requeued = await this.db.query(
      `UPDATE jobs SET state = 'queued', last_error = CASE WHEN $5 THEN $3 ELSE last_error END, run_at = $4, lease_until = NULL, updated_at = now(),
                       attempts = attempts - CASE WHEN $5 THEN 0 ELSE 1 END
        WHERE id = $1 AND locked_by = $2
          AND NOT EXISTS (SELECT 1 FROM jobs q WHERE q.key = jobs.key AND q.state = 'queued')`,
      [job.id, this.workerId, error, next.runAt, next.countAttempt],
    );
    if (requeued.rowCount === 0) {
      // The same work was queued again while this attempt ran: that job will do it.
      await this.complete(job);
    }
    return 'retry';
  }

  /** Jobs whose lease expired after their last attempt can no longer be retried: fail them, keeping why. */
  async failAbandoned(): Promise<number> {
    const result = await this.db.query(
      `UPDATE jobs SET state = 'failed', finished_at = now(), updated_at = now(),
                       last_error = COALESCE(last_error || '; ', '') || 'lease expired: worker died on the last attempt'
        WHERE state = 'running' AND lease_until < now() AND attempts >= max_attempts`,
    );
    return result.rowCount;
  }

  /** Done jobs are only wake-ups: drop them after a day. Failed jobs are never deleted. */
  async pruneDone(olderThanHours = 24): Promise<number> {
    const result = await this.db.query(
      `DELETE FROM jobs WHERE state = 'done' AND finished_at < now() - make_interval(hours => $1)`,
      [olderThanHours],
    );
    return result.rowCount;
  }

  async counts(): Promise<Record<string, number>> {
    const { rows } = await this.db.query<{ state: string; n: number }>(
      `SELECT state, count(*)::int AS n FROM jobs GROUP BY state`,
    );
    return Object.fromEntries(rows.map((r) => [r.state, r.n]));
  }
}
