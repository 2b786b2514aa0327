import { errorMessage, TranswireError } from '../domain/errors.ts';
import type { Logger } from '../logger.ts';
import { sqlState } from '../store/db-errors.ts';
import type { Job, JobQueue } from './queue.ts';
import { recordJobFailure, type FailureRecorder } from './record-job-failure.ts';
import { decideRetry } from './retry-policy.ts';
import { startHeartbeat } from './worker-heartbeat.ts';
import { jobDurationSeconds } from '../metrics/registry.ts';

export type JobHandler = (payload: any, job: Job) => Promise<void>;

export interface WorkerPoolOptions {
  queue: JobQueue;
  handlers: Record<string, JobHandler>;
  concurrency: number;
  pollMs: number;
  log: Logger;
  /** First retry delay; tests shorten it. */
  retryBaseMs?: number;
  /** Where a job that fails for good leaves its error; by default on its source, item or article. */
  onFailed?: FailureRecorder;
  /** The process's roles, shown with its heartbeat on the dashboard. */
  roles?: string[];
  /** How often the pool writes its heartbeat row (the dashboard calls it dead after three misses). */
  heartbeatMs?: number;
}

/** The error as stored and shown: stage-prefixed already for ours; a database error gets its kind and SQLSTATE. */
function describeError(err: unknown, kind: string): string {
  if (err instanceof TranswireError) return err.message;
  const state = sqlState(err);
  return state ? `${kind}: ${errorMessage(err)} (SQLSTATE ${state})` : errorMessage(err);
}

/**
 * Claims jobs and runs their handlers, `concurrency` at a time. Every job's promise is awaited:
 * stop() waits for the jobs in hand, so nothing is lost on shutdown.
 */
export function startWorkerPool(opts: WorkerPoolOptions): { stop(): Promise<void>; idle(): boolean } {
  const { queue, handlers, log } = opts;
  const onFailed = opts.onFailed ?? recordJobFailure(queue.db);
  const kinds = Object.keys(handlers);
  const running = new Set<Promise<void>>();
  let stopped = false;
  let wake: (() => void) | null = null;

  async function runOne(job: Job): Promise<void> {
    const handler = handlers[job.kind];
    const renew = setInterval(() => void queue.extendLease(job).catch(() => undefined), (queue.leaseSeconds * 1000) / 3);
    const started = Date.now();
    log.debug({ job_id: job.id, kind: job.kind, key: job.key, attempt: job.attempts }, 'job started');
    try {
      if (!handler) throw new Error(`jobs: no handler for ${job.kind}`);
      await handler(job.payload, job);
      await queue.complete(job);
      jobDurationSeconds.observe({ kind: job.kind, outcome: 'done' }, (Date.now() - started) / 1000);
      log.debug({ job_id: job.id, key: job.key, ms: Date.now() - started }, 'job done');
    } catch (err) {
      const error = describeError(err, job.kind);
      const decision = decideRetry(err, job.attempts, new Date(), opts.retryBaseMs);
      const outcome = await queue.retryOrFail(job, error, decision).catch((e) => {
        log.error({ job_id: job.id, err: errorMessage(e) }, 'could not record job failure');
        return 'unknown';
      });
      jobDurationSeconds.observe({ kind: job.kind, outcome }, (Date.now() - started) / 1000);
      const fields = { job_id: job.id, kind: job.kind, key: job.key, attempt: job.attempts, outcome, err: error };
      if (outcome === 'retry' && err instanceof TranswireError && err.code === 'fetch.aborted') {
        log.info(fields, 'job put back: shutting down');
      } else if (outcome === 'retry' && decision && !decision.countAttempt) {
        // Postponed (a host limit, Retry-After): not a failure, and not worth a warning per job.
        log.debug({ ...fields, run_at: decision.runAt }, 'job postponed');
      } else if (outcome === 'failed') {
        log.error(fields, 'job failed for good');
        await onFailed(job, error).catch((e) => log.error({ job_id: job.id, err: errorMessage(e) }, 'could not record the failure where it belongs'));
      } else {
        log.warn(fields, 'job failed');
      }
    } finally {
      clearInterval(renew);
    }
  }

  async function loop(): Promise<void> {
    while (!stopped) {
      const free = opts.concurrency - running.size;
      let claimed: Job[] = [];
      if (free > 0) {
        claimed = await queue.claim(kinds, free).catch((err) => {
          log.error({ err: errorMessage(err) }, 'claim failed');
          return [];
        });
      }
      for (const job of claimed) {
        const p = runOne(job).finally(() => {
          running.delete(p);
          wake?.();
        });
        running.add(p);
      }
      if (claimed.length === 0 || running.size >= opts.concurrency) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, opts.pollMs);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
      }
    }
  }

  const looping = loop();
  const heartbeat = startHeartbeat({ db: queue.db, workerId: queue.workerId, kinds, roles: opts.roles ?? ['worker'], intervalMs: opts.heartbeatMs ?? 5000, log });
  return {
    async stop() {
      stopped = true;
      wake?.();
      await looping;
      await Promise.all(running);
      await heartbeat.stop();
    },
    idle: () => running.size === 0,
  };
}
