import type { Db } from '../store/db.ts';
import { recordTranslationFailure } from '../store/articles.ts';
import { noteRefetchFailure } from '../store/article-updates.ts';
import { markItemFailed } from '../store/items.ts';
import { markSourceFailed } from '../store/sources.ts';
import { noteWebSubError } from '../store/websub-subscriptions.ts';
import type { Job } from './queue.ts';

export type FailureRecorder = (job: Job, error: string) => Promise<void>;

type Recorders = Record<string, (db: Db, payload: any, error: string) => Promise<void>>;

/**
 * Where each kind of job leaves its error when it fails for good: on the row an operator looks
 * at (`source list`, the item, the article), never only in the jobs table. Kinds without a row of
 * their own (render, mirror-media) have the error log line and the failed job.
 */
const RECORDERS: Recorders = {
  poll: (db, p: { sourceId: number }, error) => markSourceFailed(db, p.sourceId, error),
  'websub-push': (db, p: { sourceId: number }, error) => markSourceFailed(db, p.sourceId, error),
  'websub-subscribe': (db, p: { sourceId: number }, error) => noteWebSubError(db, p.sourceId, error),
  extract: (db, p: { itemId: number }, error) => markItemFailed(db, p.itemId, error),
  translate: (db, p: { articleId: number; lang: string }, error) => recordTranslationFailure(db, p.articleId, p.lang, error),
  refetch: (db, p: { articleId: number }, error) => noteRefetchFailure(db, p.articleId, error),
};

export function recordJobFailure(db: Db): FailureRecorder {
  return async (job, error) => {
    const record = RECORDERS[job.kind];
    const payload = job.payload as Record<string, unknown> | null;
    if (record && payload && typeof payload === 'object') await record(db, payload, error);
  };
}
