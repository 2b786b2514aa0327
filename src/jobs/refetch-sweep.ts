import { errorMessage } from '../domain/errors.ts';
import type { Logger } from '../logger.ts';
import { claimDueRefetches, stopFollowingDue } from '../store/article-updates.ts';
import type { Db } from '../store/db.ts';
import { hostKey } from '../store/host-limits.ts';
import { JobQueue } from './queue.ts';
import { repeat } from './repeat.ts';
import { DATABASE_FIRST_STEP_MS, REFETCH_SCHEDULE_MS } from './refetch-schedule.ts';

export interface RefetchSweepOptions {
  db: Db;
  log: Logger;
  everyMs?: number;
  /** If a refetch dies without recording its result, the article is due again after this. */
  graceSeconds?: number;
  /** `fetch.refetchSchedule` in milliseconds; empty: articles are not followed. */
  schedule?: readonly number[];
}

/** Below extracts (50) and translations (60): following old news waits for new news. */
const PRIORITY = 90;

/** Queues a refetch job for each published article that is due. Returns how many it queued. */
export async function sweepRefetches(db: Db, opts: { graceSeconds?: number; schedule?: readonly number[]; limit?: number } = {}): Promise<number> {
  const schedule = opts.schedule ?? REFETCH_SCHEDULE_MS;
  const limit = opts.limit ?? 200;
  return db.transaction(async (tx) => {
    if (schedule.length === 0) {
      await stopFollowingDue(tx, limit);
      return 0;
    }
    const due = await claimDueRefetches(tx, {
      graceSeconds: opts.graceSeconds ?? 3600,
      followSeconds: Math.ceil(schedule[schedule.length - 1]! / 1000),
      // Only a first step later than the database's default changes when an article is first fetched.
      firstSeconds: schedule[0]! > DATABASE_FIRST_STEP_MS ? Math.ceil(schedule[0]! / 1000) : 0,
      limit,
    });
    for (const a of due) {
      await JobQueue.enqueue(tx, { kind: 'refetch', key: `refetch:article:${a.id}`, payload: { articleId: a.id }, priority: PRIORITY, host: hostKey(a.url) });
    }
    return due.length;
  });
}

/** The scheduler's companion for published articles: state lives in articles.refetch_at, as a source's in next_fetch_at. */
export function startRefetchSweep(opts: RefetchSweepOptions): { stop(): Promise<void> } {
  const { db, log } = opts;
  return repeat(
    () => sweepRefetches(db, opts).catch((err) => log.error({ err: errorMessage(err) }, 'refetch sweep failed')),
    opts.everyMs ?? 30_000,
  );
}
