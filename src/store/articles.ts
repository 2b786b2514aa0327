import type { Db } from './db.ts';

export interface ArticleRow {
  id: number;
  item_id: number;
  source_id: number;
  url: string;
  canonical_url: string | null;
  title: string;
  byline: string | null;
  published_at: Date | null;
  modified_at: Date | null;
  lang: string;
  dir: string;
  site_name: string | null;
  category: string | null;
  image_url: string | null;
  image_caption: string | null;
  excerpt: string | null;
  html: string;
  text: string;
  content_hash: string;
}

export type NewArticle = Omit<ArticleRow, 'id'>;

/** Idempotent by item: extracting the same item twice leaves one article. */
export async function upsertArticle(db: Db, a: NewArticle): Promise<ArticleRow> {
  const { rows } = await db.query<ArticleRow>(
    `INSERT INTO articles (item_id, source_id, url, canonical_url, title, byline, published_at, modified_at, lang, dir,
        site_name, category, image_url, image_caption, excerpt, html, text, content_hash)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)
     ON CONFLICT (item_id) DO UPDATE SET url = EXCLUDED.url, canonical_url = EXCLUDED.canonical_url,
        title = EXCLUDED.title, byline = EXCLUDED.byline, published_at = EXCLUDED.published_at,
        modified_at = EXCLUDED.modified_at, lang = EXCLUDED.lang, dir = EXCLUDED.dir, site_name = EXCLUDED.site_name,
        category = EXCLUDED.category, image_url = EXCLUDED.image_url, image_caption = EXCLUDED.image_caption,
        excerpt = EXCLUDED.excerpt, html = EXCLUDED.html, text = EXCLUDED.text, content_hash = EXCLUDED.content_hash,
        updated_at = now()
     RETURNING *`,
    [a.item_id, a.source_id, a.url, a.canonical_url, a.title, a.byline, a.published_at, a.modified_at, a.lang, a.dir,
     a.site_name, a.category, a.image_url, a.image_caption, a.excerpt, a.html, a.text, a.content_hash],
  );
  return rows[0]!;
}

export async function getArticle(db: Db, id: number): Promise<ArticleRow | null> {
  return (await db.query<ArticleRow>('SELECT * FROM articles WHERE id = $1', [id])).rows[0] ?? null;
}

/** Same canonical URL or same body from another item: the story is already here. */
export async function findDuplicateArticle(db: Db, canonicalUrl: string | null, contentHash: string, itemId: number): Promise<ArticleRow | null> {
  const { rows } = await db.query<ArticleRow>(
    `SELECT * FROM articles WHERE item_id <> $3 AND (content_hash = $2 OR ($1::text IS NOT NULL AND canonical_url = $1)) LIMIT 1`,
    [canonicalUrl, contentHash, itemId],
  );
  return rows[0] ?? null;
}

/** A translation that failed for good: its error stays on the article, for that language. */
export async function recordTranslationFailure(db: Db, articleId: number, lang: string, error: string): Promise<void> {
  await db.query(
    `UPDATE articles SET translation_errors = translation_errors || jsonb_build_object($2::text, $3::text), updated_at = now() WHERE id = $1`,
    [articleId, lang, error],
  );
}
