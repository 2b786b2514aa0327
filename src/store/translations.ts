import type { TranslatedArticle, Verdict } from '../domain/translation.ts';
import type { Db } from './db.ts';
import { recordEngineSpend, spentIn } from './engine-spend.ts';
import { jsonParam } from './sql-params.ts';

export interface TranslationRow {
  id: number;
  article_id: number;
  lang: string;
  title: string;
  excerpt: string | null;
  html: string;
  text: string;
  engine: string;
  engine_version: string;
  checks: TranslatedArticle['checks'];
  verdict: Verdict;
  status: 'published' | 'held' | 'approved' | 'rejected';
  hold_reason: string | null;
  /** The article's section in this language (the site's bar and topic pages); null when it has none. */
  category: string | null;
  /** The lead image's caption in this language; null when the source had none. */
  image_caption: string | null;
  cost: TranslatedArticle['cost'];
  created_at: Date;
  updated_at: Date;
}

/**
 * One translation per article and language; a re-translation replaces it, its cost included:
 * translations.cost is what the text now shown cost. Every engine run is booked in the cost ledger
 * (engine-spend.ts) in the same transaction: here, as the article's first translation into the
 * language or, when it had one, as a retranslation; unless `run` is 'update', a source update's
 * re-translation, which article-updates.ts books with the update's outcome (held ones too).
 */
export async function upsertTranslation(
  db: Db,
  articleId: number,
  t: TranslatedArticle,
  verdict: Verdict,
  status: TranslationRow['status'],
  holdReason: string | null,
  category: string | null = null,
  run: 'translation' | 'update' = 'translation',
): Promise<TranslationRow> {
  // `earlier` reads the table as it was before this statement: whether the row existed.
  const { rows } = await db.query<TranslationRow & { was_new: boolean }>(
    `WITH earlier AS (SELECT id FROM translations WHERE article_id = $1 AND lang = $2)
     INSERT INTO translations (article_id, lang, title, excerpt, html, text, engine, engine_version, checks, verdict, status, hold_reason, cost, category, image_caption)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)
     ON CONFLICT (article_id, lang) DO UPDATE SET title = EXCLUDED.title, excerpt = EXCLUDED.excerpt, html = EXCLUDED.html,
       text = EXCLUDED.text, engine = EXCLUDED.engine, engine_version = EXCLUDED.engine_version, checks = EXCLUDED.checks,
       verdict = EXCLUDED.verdict, status = EXCLUDED.status, hold_reason = EXCLUDED.hold_reason, cost = EXCLUDED.cost, category = EXCLUDED.category,
       image_caption = EXCLUDED.image_caption,
       updated_at = now()
     RETURNING *, NOT EXISTS (SELECT 1 FROM earlier) AS was_new`,
    [articleId, t.lang, t.title, t.excerpt, t.html, t.text, t.engine, t.engineVersion, jsonParam(t.checks), verdict,
     status, holdReason, JSON.stringify(t.cost), category, t.imageCaption ?? null],
  );
  const { was_new: wasNew, ...row } = rows[0]!;
  if (run === 'translation') {
    await recordEngineSpend(db, { reason: wasNew ? 'translation' : 'retranslation', articleId, lang: t.lang, ...spentIn(t.cost) });
  }
  // An error left by an earlier failed attempt is history now.
  await db.query(`UPDATE articles SET translation_errors = translation_errors - $2::text WHERE id = $1 AND translation_errors ? $2::text`, [articleId, t.lang]);
  return row;
}

export async function getTranslation(db: Db, id: number): Promise<TranslationRow | null> {
  return (await db.query<TranslationRow>('SELECT * FROM translations WHERE id = $1', [id])).rows[0] ?? null;
}

export async function setTranslationStatus(db: Db, id: number, status: TranslationRow['status']): Promise<void> {
  await db.query('UPDATE translations SET status = $2, updated_at = now() WHERE id = $1', [id, status]);
}

export interface HeldRow {
  id: number;
  article_id: number;
  lang: string;
  title: string;
  engine: string;
  hold_reason: string | null;
  source_title: string;
  url: string;
  created_at: Date;
}

export async function listHeld(db: Db): Promise<HeldRow[]> {
  return (
    await db.query<HeldRow>(
      `SELECT t.id, t.article_id, t.lang, t.title, t.engine, t.hold_reason, a.title AS source_title, a.url, t.created_at
         FROM translations t JOIN articles a ON a.id = t.article_id
        WHERE t.status = 'held' ORDER BY t.created_at`,
    )
  ).rows;
}

export async function countHeld(db: Db): Promise<number> {
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM translations WHERE status = 'held'`)).rows[0]!.n;
}
