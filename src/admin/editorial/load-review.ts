import { getArticle, type ArticleRow } from '../../store/articles.ts';
import { listCorrections, type CorrectionRow } from '../../store/corrections.ts';
import { getSource } from '../../store/sources.ts';
import { listRevisions, type RevisionRow } from '../../store/translation-revisions.ts';
import { getTranslation, type TranslationRow } from '../../store/translations.ts';
import type { Db } from '../../store/db.ts';

export interface PublicationInfo {
  id: number;
  path: string;
  lang: string;
  status: 'live' | 'gone';
  flagged: boolean;
  gone_reason: string | null;
  published_at: Date;
  updated_at: Date;
}

/** Everything the review and correction pages show of one translation. */
export interface ReviewData {
  translation: TranslationRow & { reviewed_at: Date | null };
  article: ArticleRow;
  sourceName: string;
  sourceUrl: string;
  publication: PublicationInfo | null;
  revisions: RevisionRow[];
  corrections: CorrectionRow[];
}

export async function loadReview(db: Db, translationId: number): Promise<ReviewData | null> {
  const translation = (await getTranslation(db, translationId)) as ReviewData['translation'] | null;
  if (!translation) return null;
  const [article, publication, revisions] = await Promise.all([
    getArticle(db, translation.article_id),
    db.query<PublicationInfo>('SELECT id, path, lang, status, flagged, gone_reason, published_at, updated_at FROM publications WHERE translation_id = $1', [translationId]),
    listRevisions(db, translationId),
  ]);
  if (!article) return null;
  const source = await getSource(db, article.source_id);
  const pub = publication.rows[0] ?? null;
  return {
    translation,
    article,
    sourceName: source?.name ?? source?.title ?? source?.url ?? '',
    sourceUrl: source?.url ?? '',
    publication: pub,
    revisions,
    corrections: pub ? await listCorrections(db, pub.id) : [],
  };
}

/** `:id` as a positive integer, or null. */
export function idParam(value: string | undefined): number | null {
  return value && /^\d{1,15}$/.test(value) && Number(value) > 0 ? Number(value) : null;
}
