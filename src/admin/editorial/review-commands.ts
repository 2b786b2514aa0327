import { publishTranslation } from '../../jobs/publish-translation.ts';
import { enqueueTranslation } from '../../jobs/story-jobs.ts';
import { renderIfLive, takeDown } from '../../jobs/takedown.ts';
import type { ArticleRow } from '../../store/articles.ts';
import type { Db } from '../../store/db.ts';
import { ensureFirstRevision } from '../../store/translation-revisions.ts';
import type { TranslationRow } from '../../store/translations.ts';
import type { AdminServices } from '../admin-route.ts';

/** Gone reasons the review itself set: approving puts such a publication back. */
export const REVIEW_GONE = ['held for review', 'rejected by an editor'];

/**
 * Publishes a held or flagged translation as an editor approved it: no warning, the notice says
 * "reviewed by an editor", and the pages that show it are rendered now.
 */
export async function approveTranslation(services: AdminServices, t: TranslationRow, article: ArticleRow): Promise<{ path: string }> {
  const { db } = services;
  const pub = await db.transaction(async (tx) => {
    await tx.query(`UPDATE translations SET status = 'approved', reviewed_at = now(), updated_at = now() WHERE id = $1`, [t.id]);
    const p = await publishTranslation(tx, article, t, false);
    await tx.query(`UPDATE publications SET status = 'live', gone_reason = NULL, updated_at = now() WHERE id = $1 AND status = 'gone' AND gone_reason = ANY($2::text[])`, [p.id, REVIEW_GONE]);
    return p;
  });
  await renderIfLive(db, services.site, t.id, 'publish');
  return { path: pub.path };
}

/** Holds a translation for review: not public (a live page answers 410 until it is approved). */
export async function holdTranslation(services: AdminServices, t: TranslationRow, reason: string): Promise<void> {
  await services.db.query(`UPDATE translations SET status = 'held', hold_reason = $2, updated_at = now() WHERE id = $1`, [t.id, reason]);
  await unpublish(services, t.id, 'held for review');
}

/** Rejects a translation: never published, or taken off the site. */
export async function rejectTranslation(services: AdminServices, t: TranslationRow): Promise<void> {
  await services.db.query(`UPDATE translations SET status = 'rejected', updated_at = now() WHERE id = $1`, [t.id]);
  await unpublish(services, t.id, 'rejected by an editor');
}

async function unpublish(services: AdminServices, translationId: number, reason: string): Promise<void> {
  const { rows } = await services.db.query<{ id: number }>(`SELECT id FROM publications WHERE translation_id = $1 AND status = 'live'`, [translationId]);
  for (const p of rows) await takeDown(services.db, services.site, p.id, reason);
}

/**
 * Why `engine` cannot retranslate here, or null: it must be one configured in
 * translation.engines (null: the configured chain). The console and the API/CLI say the same.
 */
export function engineRefusal(services: Pick<AdminServices, 'config'>, engine: string | null): string | null {
  const configured = Object.keys(services.config.translation.engines);
  return engine === null || configured.includes(engine) ? null : `the engine "${engine}" is not configured (configured: ${configured.join(', ') || 'none'})`;
}

/**
 * Queues a new translation by `engine` (null: the configured chain), asked afresh (`fresh`: no answer from the memory entries it
 * replaces). The current text is kept as a revision first; the new one is the engine's, unreviewed.
 */
export async function queueRetranslation(db: Db, t: TranslationRow, engine: string | null): Promise<void> {
  await db.transaction(async (tx) => {
    await ensureFirstRevision(tx, t);
    await tx.query('UPDATE translations SET reviewed_at = NULL WHERE id = $1', [t.id]);
    // Ahead of the pipeline's own translations (60): an editor is waiting for it.
    await enqueueTranslation(tx, t.article_id, t.lang, { force: true, engine, fresh: true, priority: 30 });
  });
}
