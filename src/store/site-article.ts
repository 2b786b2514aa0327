import type { Db } from './db.ts';
import { CARD_COLUMNS, CARD_FROM, CATEGORY, DATED_AT, type SiteCardRow } from './site-queries.ts';

/** A finding of the fidelity gate as the article page marks it: where (segment, or headline/standfirst) and what. */
export interface PassageFinding {
  /** Index of the body segment (block) the gate flagged; null for the headline, standfirst or the whole article. */
  segment: number | null;
  severity: 'warning' | 'error';
  /** `title` or `excerpt` when the finding is about the headline or the standfirst. */
  part: 'title' | 'excerpt' | null;
}

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
  /** The gate's warnings and errors stored with the translation (info findings left out). */
  findings: PassageFinding[];
  /** An editor edited or approved the translation. */
  reviewed: boolean;
  /** The publication's corrections, oldest first. */
  corrections: Array<{ at: Date; note: string }>;
}

/** The lead image's caption in the page's language: the translation's, or the article's own on a page in its language. */
const ARTICLE_SELECT = `SELECT ${CARD_COLUMNS}, p.status, p.article_id, a.story_id, t.html, t.text, t.engine, a.byline,
  a.title AS original_title, a.url AS original_url, a.lang AS original_lang,
  a.published_at AS source_published_at, a.fetched_at, t.updated_at AS translated_at,
  coalesce(t.image_caption, CASE WHEN t.lang = a.lang THEN a.image_caption END) AS image_caption, t.checks,
  (t.reviewed_at IS NOT NULL OR t.status = 'approved') AS reviewed,
  (SELECT coalesce(json_agg(json_build_object('at', c.created_at, 'note', c.note) ORDER BY c.created_at, c.id), '[]')
     FROM publication_corrections c WHERE c.publication_id = p.id) AS corrections
  FROM ${CARD_FROM}`;

interface StoredFinding { segment?: unknown; severity?: unknown; detail?: unknown }

/** The findings an article page marks, from the report stored with the translation (JSON). */
export function passageFindings(checks: unknown): PassageFinding[] {
  const report = typeof checks === 'string' ? (JSON.parse(checks) as unknown) : checks;
  const findings = (report as { findings?: StoredFinding[] } | null)?.findings;
  if (!Array.isArray(findings)) return [];
  return findings.flatMap((f): PassageFinding[] => {
    if (f.severity !== 'warning' && f.severity !== 'error') return [];
    const detail = typeof f.detail === 'string' ? f.detail : '';
    // The gate labels headline and standfirst findings in their detail ("title: …", "excerpt: …").
    const part = detail.startsWith('title: ') ? 'title' : detail.startsWith('excerpt: ') ? 'excerpt' : null;
    const segment = typeof f.segment === 'number' && Number.isInteger(f.segment) && f.segment >= 0 ? f.segment : null;
    return [{ segment, severity: f.severity, part }];
  });
}

export async function getArticleByPath(db: Db, path: string): Promise<SiteArticleRow | null> {
  const { rows } = await db.query<SiteArticleRow & { checks: unknown }>(`${ARTICLE_SELECT} WHERE p.path = $1`, [path]);
  const row = rows[0];
  if (!row) return null;
  const { checks, corrections, ...rest } = row;
  const list = (typeof corrections === 'string' ? JSON.parse(corrections) : corrections ?? []) as Array<{ at: string | Date; note: string }>;
  return { ...rest, findings: passageFindings(checks), corrections: list.map((c) => ({ at: new Date(c.at), note: c.note })) };
}

export async function getPublicationById(db: Db, id: number): Promise<{ id: number; path: string; lang: string; article_id: number; status: string; category: string | null; source_name: string } | null> {
  const { rows } = await db.query<{ id: number; path: string; lang: string; article_id: number; status: string; category: string | null; source_name: string }>(
    `SELECT p.id, p.path, p.lang, p.article_id, p.status, ${CATEGORY} AS category,
       coalesce(s.name, s.title, s.url) AS source_name
     FROM publications p JOIN translations t ON t.id = p.translation_id JOIN articles a ON a.id = p.article_id
       JOIN sources s ON s.id = a.source_id WHERE p.id = $1`,
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

/**
 * What to read next, at the end of an article: other reports of the same story first, then the
 * same topic, then the latest news, so even a story alone in its topic ends with more to read.
 */
export async function listRelated(db: Db, a: { id: number; lang: string; article_id: number; story_id: number | null; category: string | null }, limit = 6): Promise<SiteCardRow[]> {
  const { rows } = await db.query<SiteCardRow>(
    `SELECT ${CARD_COLUMNS} FROM ${CARD_FROM}
     WHERE p.status = 'live' AND p.lang = $1 AND p.article_id <> $2
     ORDER BY coalesce(a.story_id = $3, false) DESC, coalesce(${CATEGORY} = $4, false) DESC,
       ${DATED_AT} DESC, p.id DESC LIMIT $5`,
    [a.lang, a.article_id, a.story_id, a.category, limit],
  );
  return rows;
}
