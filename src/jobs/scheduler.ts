import { repeat } from './repeat.ts';
import { errorMessage } from '../domain/errors.ts';
import type { Db } from '../store/db.ts';
import type { Logger } from '../logger.ts';
import { JobQueue } from './queue.ts';

export interface SchedulerOptions {
  db: Db;
  queue: JobQueue;
  log: Logger;
  tickMs?: number;
  /** If a poll job dies without recording its result, the source is due again after this. */
  pollGraceSeconds?: number;
}

/** Turns due sources into poll jobs, and keeps the queue tidy. State lives in the database. */
export function startScheduler(opts: SchedulerOptions): { stop(): Promise<void>; tick(): Promise<number> } {
  const { db, queue, log } = opts;
  const tickMs = opts.tickMs ?? 1000;
  let lastMaintenance = 0;

  async function tick(): Promise<number> {
    const queued = await db.transaction(async (tx) => {
      // Moving next_fetch_at forward in the same statement means two schedulers never queue one
      // source twice; the poll job sets the real next time.
      const { rows } = await tx.query<{ id: number }>(
        `UPDATE sources SET next_fetch_at = now() + make_interval(secs => $1)
          WHERE id IN (SELECT id FROM sources WHERE enabled AND next_fetch_at <= now()
                        ORDER BY next_fetch_at LIMIT 200 FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [opts.pollGraceSeconds ?? 300],
      );
      for (const { id } of rows) {
        await JobQueue.enqueue(tx, { kind: 'poll', key: `poll:source:${id}`, payload: { sourceId: id }, priority: 20 });
      }
      return rows.length;
    });
    if (Date.now() - lastMaintenance > 60_000) {
      lastMaintenance = Date.now();
      const failed = await queue.failAbandoned();
      const pruned = await queue.pruneDone();
      if (failed || pruned) log.info({ failed, pruned }, 'queue maintenance');
    }
    return queued;
  }

  const loop = repeat(() => tick().catch((err) => log.error({ err: errorMessage(err) }, 'scheduler tick failed')), tickMs);
  return { tick, stop: () => loop.stop() };
}
