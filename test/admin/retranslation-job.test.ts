import { afterAll, beforeAll, expect, it } from 'vitest';
import { queueRetranslation } from '../../src/admin/editorial/review-commands.ts';
import { enqueueTranslation } from '../../src/jobs/story-jobs.ts';
import type { ArticleRow } from '../../src/store/articles.ts';
import type { Db } from '../../src/store/db.ts';
import type { TranslationRow } from '../../src/store/translations.ts';
import { openTestDb } from '../helpers/test-db.ts';
import { seedArticle, seedTranslation } from './editorial-context.ts';

/**
 * An editor's retranslation is queued through the pipeline's own helper (story-jobs.ts): one key
 * per article and language, so the console's job and the pipeline's are the same job, never two.
 */
let db: Db;
let article: ArticleRow;
let held: TranslationRow;

interface JobRow { key: string; payload: Record<string, unknown>; priority: number }
const translateJobs = async (): Promise<JobRow[]> =>
  (await db.query<JobRow>(`SELECT key, payload, priority FROM jobs WHERE kind = 'translate' AND state = 'queued' ORDER BY id`)).rows;

beforeAll(async () => {
  db = await openTestDb();
  article = await seedArticle(db, { title: 'Bridge reopens', html: '<p>The bridge reopened on Monday.</p>' });
  held = await seedTranslation(db, article, { title: 'El puente reabre', html: '<p>El puente reabrió el lunes.</p>', verdict: 'hold' });
});
afterAll(async () => {
  await db?.close();
});

it("queues the editor's retranslation under the pipeline's key: forced, asked afresh, ahead of the pipeline", async () => {
  await db.query('UPDATE translations SET reviewed_at = now() WHERE id = $1', [held.id]);
  await queueRetranslation(db, held, 'apertium');
  expect(await translateJobs()).toEqual([{
    key: `translate:article:${article.id}:es`,
    payload: { articleId: article.id, lang: 'es', force: true, engine: 'apertium', fresh: true },
    priority: 30,
  }]);
  // The new text is the engine's, not yet reviewed; the one replaced is kept as a revision.
  expect((await db.query<{ reviewed_at: Date | null }>('SELECT reviewed_at FROM translations WHERE id = $1', [held.id])).rows[0]!.reviewed_at).toBeNull();
  expect((await db.query('SELECT 1 FROM translation_revisions WHERE translation_id = $1', [held.id])).rowCount).toBe(1);

  // The pipeline queuing the same article and language finds the editor's job: still one.
  expect(await enqueueTranslation(db, article.id, 'es')).toBe(false);
  expect(await translateJobs()).toHaveLength(1);
});

it('a retranslation by the configured chain says so (engine null), and the pipeline keeps its own plain payload', async () => {
  await db.query(`DELETE FROM jobs WHERE kind = 'translate'`);
  await queueRetranslation(db, held, null);
  expect((await translateJobs())[0]!.payload).toEqual({ articleId: article.id, lang: 'es', force: true, engine: null, fresh: true });

  expect(await enqueueTranslation(db, article.id, 'ca')).toBe(true);
  expect((await translateJobs())[1]).toEqual({ key: `translate:article:${article.id}:ca`, payload: { articleId: article.id, lang: 'ca' }, priority: 60 });
});

it("an editor's retranslation takes over the pipeline's job waiting for the same article: one job, forced, by the editor's engine, at the editor's priority", async () => {
  await db.query(`DELETE FROM jobs WHERE kind = 'translate'`);
  expect(await enqueueTranslation(db, article.id, 'es')).toBe(true);
  await queueRetranslation(db, held, 'apertium');
  expect(await translateJobs()).toEqual([{
    key: `translate:article:${article.id}:es`,
    payload: { articleId: article.id, lang: 'es', force: true, engine: 'apertium', fresh: true },
    priority: 30,
  }]);
});
