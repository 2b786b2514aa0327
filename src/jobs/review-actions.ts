import { PermanentError } from '../domain/errors.ts';
import { getArticle } from '../store/articles.ts';
import type { Db } from '../store/db.ts';
import { getTranslation, listHeld, setTranslationStatus, type HeldRow, type TranslationRow } from '../store/translations.ts';
import { publishTranslation } from './publish-translation.ts';
import { JobQueue } from './queue.ts';

/**
 * What an editor does with a held translation. The command line (`transwire review …`, straight
 * on the database or through a running server's API) and the console call these, so the three
 * cannot drift apart. Each returns plain data; the caller words it.
 */
export function listHeldForReview(db: Db): Promise<HeldRow[]> {
  return listHeld(db);
}

export interface Approved {
  translationId: number;
  publicationId: number;
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

/** Publishes a held translation as it is (the render of its pages is queued in the same transaction). */
export async function approveTranslation(db: Db, id: number): Promise<Approved> {
  const translation = await translationOrFail(db, 'approve', id);
  const article = (await getArticle(db, translation.article_id))!;
  const publication = await db.transaction(async (tx) => {
    await setTranslationStatus(tx, translation.id, 'approved');
    return publishTranslation(tx, article, translation, false);
  });
  return { translationId: translation.id, publicationId: publication.id, path: publication.path };
}

/** Queues a new translation of the article into the held translation's language, by `engine` if named. */
export async function queueRetranslation(db: Db, id: number, engine: string | null): Promise<Retranslation> {
  const translation = await translationOrFail(db, 'retranslate', id);
  const articleId = translation.article_id;
  await JobQueue.enqueue(db, {
    kind: 'translate',
    key: `translate:article:${articleId}:${translation.lang}`,
    payload: { articleId, lang: translation.lang, force: true, engine },
    priority: 30,
  });
  return { articleId, lang: translation.lang, engine };
}
