import type { Db } from './db.ts';
import { CARD_COLUMNS, CARD_FROM, type SiteCardRow } from './site-queries.ts';

/** Everything an article page shows, whatever its status (a gone one answers 410). */
export interface SiteArticleRow extends SiteCardRow {
  status: 'live' | 'gone';
  article_id: number;
  story_id: number | null;
  html: string;
  text: string;
  engine: string;
  byline: string | null;
  original_title: string;
  original_url: string;
  original_lang: string;
  source_published_at: Date | null;
  fetched_at: Date;
  translated_at: Date;
  image_caption: string | null;
}

const ARTICLE_SELECT = `SELECT ${CARD_COLUMNS}, p.status, p.article_id, a.story_id, t.html, t.text, t.engine, a.byline,
  a.title AS original_title, a.url AS original_url, a.lang AS original_lang,
  a.published_at AS source_published_at, a.fetched_at, t.updated_at AS translated_at, a.image_caption
  FROM ${CARD_FROM}`;

export async function getArticleByPath(db: Db, path: string): Promise<SiteArticleRow | null> {
  const { rows } = await db.query<SiteArticleRow>(`${ARTICLE_SELECT} WHERE p.path = $1`, [path]);
  return rows[0] ?? null;
}

export async function getPublicationById(db: Db, id: number): Promise<{ id: number; path: string; lang: string; article_id: number; status: string; category: string | null; source_name: string } | null> {
  const { rows } = await db.query<{ id: number; path: string; lang: string; article_id: number; status: string; category: string | null; source_name: string }>(
    `SELECT p.id, p.path, p.lang, p.article_id, p.status, coalesce(a.category, s.category) AS category,
       coalesce(s.name, s.title, s.url) AS source_name
     FROM publications p JOIN articles a ON a.id = p.article_id JOIN sources s ON s.id = a.source_id WHERE p.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

/** The same article's live publications in every language (hreflang, "in other languages"). */
export async function listAlternates(db: Db, articleId: number): Promise<{ id: number; lang: string; path: string }[]> {
  const { rows } = await db.query<{ id: number; lang: string; path: string }>(
    `SELECT id, lang, path FROM publications WHERE article_id = $1 AND status = 'live' ORDER BY lang`,
    [articleId],
  );
  return rows;
}

/** Other stories of the same story cluster first, then of the same topic. */
export async function listRelated(db: Db, a: { id: number; lang: string; article_id: number; story_id: number | null; category: string | null }, limit = 4): Promise<SiteCardRow[]> {
  const { rows } = await db.query<SiteCardRow>(
    `SELECT ${CARD_COLUMNS} FROM ${CARD_FROM}
     WHERE p.status = 'live' AND p.lang = $1 AND p.article_id <> $2
       AND ((a.story_id IS NOT NULL AND a.story_id = $3) OR coalesce(a.category, s.category) = $4)
     ORDER BY (a.story_id IS NOT DISTINCT FROM $3) DESC, p.published_at DESC LIMIT $5`,
    [a.lang, a.article_id, a.story_id, a.category, limit],
  );
  return rows;
}
