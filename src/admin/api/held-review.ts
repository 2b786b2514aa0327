import { PermanentError } from '../../domain/errors.ts';
import { getArticle } from '../../store/articles.ts';
import type { Db } from '../../store/db.ts';
import { getTranslation, listHeld, type HeldRow, type TranslationRow } from '../../store/translations.ts';
import type { AdminServices } from '../admin-route.ts';
import { describeChanges } from '../../publish/render-updates.ts';
import { listHeldUpdates, type HeldUpdateRow } from '../../store/held-updates.ts';
import { htmlToText } from '../../translate/html-text.ts';
import { approveTranslation, engineRefusal, queueRetranslation } from '../editorial/review-commands.ts';

/**
 * `transwire review list|approve|retranslate`, straight on the database or through the API: one
 * set of functions, and the approval and retranslation are the console's own (review-commands.ts),
 * so a held story approved from the command line reads "reviewed by an editor" as it would from the
 * console. Each returns plain data; the caller words it.
 */
export function listHeldForReview(db: Db): Promise<HeldRow[]> {
  return listHeld(db);
}

export interface Approved {
  translationId: number;
  path: string;
}

export interface Retranslation {
  articleId: number;
  lang: string;
  engine: string | null;
}

async function translationOrFail(db: Db, action: string, id: number): Promise<TranslationRow> {
  const translation = await getTranslation(db, id);
  if (!translation) {
    throw new PermanentError(`review ${action}: no translation ${id} (transwire review list shows the held ones)`, 'review.not_found', { httpStatus: 404 });
  }
  return translation;
}

/** Publishes a held translation as it is; its pages are rendered now. */
export async function approveHeld(services: AdminServices, id: number): Promise<Approved> {
  const translation = await translationOrFail(services.db, 'approve', id);
  const article = (await getArticle(services.db, translation.article_id))!;
  const { path } = await approveTranslation(services, translation, article);
  return { translationId: translation.id, path };
}

/**
 * Queues a fresh translation (the memory entries it replaces are not asked) by `engine`, which
 * must be configured here; null: by the configured chain, as the translate job does.
 */
export async function retranslateHeld(services: AdminServices, id: number, engine: string | null): Promise<Retranslation> {
  const translation = await translationOrFail(services.db, 'retranslate', id);
  const refusal = engineRefusal(services, engine);
  if (refusal) throw new PermanentError(`review retranslate: ${refusal}`, 'review.engine', { httpStatus: 400 });
  await queueRetranslation(services.db, translation, engine);
  return { articleId: translation.article_id, lang: translation.lang, engine };
}

/** A held source update as the command line lists it: the row, and what changed in words. */
export type HeldUpdateEntry = HeldUpdateRow & { changed: string };

/** The source updates the gate held (the earlier translation live): `transwire review updates`. */
export async function listHeldUpdatesForReview(db: Db): Promise<HeldUpdateEntry[]> {
  return (await listHeldUpdates(db)).map((r) => ({ ...r, changed: htmlToText(describeChanges('en', r.changes)) }));
}
