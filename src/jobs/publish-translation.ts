import { slugify } from '../shared/slug.ts';
import type { ArticleRow } from '../store/articles.ts';
import type { Db } from '../store/db.ts';
import { freePath, publishOnce, type PublicationRow } from '../store/publications.ts';
import type { TranslationRow } from '../store/translations.ts';
import { JobQueue } from './queue.ts';

/** `/{lang}/{yyyy}/{mm}/{slug}`, in the month the source published it. */
export function publicationBasePath(lang: string, when: Date, title: string): string {
  const yyyy = when.getUTCFullYear();
  const mm = String(when.getUTCMonth() + 1).padStart(2, '0');
  return `/${lang}/${yyyy}/${mm}/${slugify(title)}`;
}

/**
 * Publishes a stored translation (once) and queues the re-render of what shows it, in `tx`.
 * Used by the translate job and by an editor approving a held translation.
 */
export async function publishTranslation(
  tx: Db,
  article: Pick<ArticleRow, 'id' | 'published_at'>,
  translation: Pick<TranslationRow, 'id' | 'lang' | 'title'>,
  flagged: boolean,
): Promise<PublicationRow> {
  const when = article.published_at ? new Date(article.published_at) : new Date();
  const path = await freePath(tx, publicationBasePath(translation.lang, when, translation.title));
  const { publication } = await publishOnce(tx, {
    translationId: translation.id,
    articleId: article.id,
    lang: translation.lang,
    path,
    flagged,
  });
  await JobQueue.enqueue(tx, {
    kind: 'render',
    key: `render:${translation.lang}:${publication.id}`,
    payload: { lang: translation.lang, publicationId: publication.id, reason: 'publish' },
    priority: 10,
  });
  return publication;
}
