import type { Db } from './db.ts';
import { mediaPath, type MediaRef } from './media.ts';
import { storyCardColumns, storyCardJoin, storyLeadOnly } from './story-cards.ts';

/** A live publication as a list shows it (home, topic, source, feeds, search). */
export interface SiteCardRow {
  id: number;
  path: string;
  lang: string;
  flagged: boolean;
  /** When the story was published: by the source, or by us where the source gives no time (`DATED_AT`). */
  published_at: Date;
  /** When we published it on this site. */
  listed_at: Date;
  updated_at: Date;
  title: string;
  excerpt: string | null;
  category: string | null;
  outlet: string | null;
  source_id: number;
  source_name: string;
  image_url: string | null;
  /** The lead image as mirrored onto the site, when it was (media table). */
  lead_sha256: string | null;
  lead_ext: string | null;
  lead_width: number | null;
  lead_height: number | null;
  // With `withBody` (feeds) only:
  html?: string;
  engine?: string;
  original_url?: string;
  original_title?: string;
  byline?: string | null;
  /** The article's mirrored images (lead and body), for feeds to name the site's copies. */
  media?: MirroredRow[] | string;
}

export interface MirroredRow { url: string; sha256: string; ext: string; width: number | null; height: number | null }

/** Original URL → the site's copy, from a row's `media` (JSON from the driver, or already parsed). */
export function mediaRefs(media: SiteCardRow['media']): Map<string, MediaRef> {
  const list: MirroredRow[] = typeof media === 'string' ? JSON.parse(media) : (media ?? []);
  return new Map(list.map((m) => [m.url, { path: mediaPath(m.sha256, m.ext), width: m.width, height: m.height }]));
}

export interface ListFilter {
  lang: string;
  limit: number;
  offset?: number;
  category?: string;
  sourceId?: number;
  withBody?: boolean;
  /** One card per story (its lead's), with the story's counts (StoryCardFields): the home, topics and their feeds. */
  byStory?: boolean;
}

/**
 * A story's date everywhere it is shown and sorted (cards, article pages, feeds, sitemaps): the
 * source's publication time, ours where the source gives none. A source time later than our own
 * publication (a clock or time zone gone wrong) would put the story above the news: ours caps it.
 * Needs `p` (publications) and `a` (articles) in the query.
 */
export const DATED_AT = 'least(coalesce(a.published_at, p.published_at), p.published_at)';

/**
 * A story's section as this language's site names it: the translation's name for it ("Ciencia"),
 * the article's own where it has no translation, then the source's. Topic pages, the sections bar
 * and the slugs all read this one. Needs `t`, `a` and `s` in the query.
 */
export const CATEGORY = 'coalesce(t.category, a.category, s.category)';

export const CARD_COLUMNS = `p.id, p.path, p.lang, p.flagged, ${DATED_AT} AS published_at, p.published_at AS listed_at, greatest(p.updated_at, t.updated_at) AS updated_at,
  t.title, t.excerpt, ${CATEGORY} AS category,
  coalesce(s.name, a.site_name, s.title) AS outlet, s.id AS source_id,
  coalesce(s.name, s.title, s.url) AS source_name, a.image_url,
  lm.sha256 AS lead_sha256, lm.ext AS lead_ext, lm.width AS lead_width, lm.height AS lead_height`;

/** A card shows its lead image only once mirrored: a page never loads one from the outlet. */
export const CARD_FROM = `publications p JOIN translations t ON t.id = p.translation_id
  JOIN articles a ON a.id = p.article_id JOIN sources s ON s.id = a.source_id
  LEFT JOIN LATERAL (SELECT m.sha256, m.ext, m.width, m.height FROM media_sources ms JOIN media m ON m.sha256 = ms.sha256
    WHERE ms.article_id = a.id AND ms.url = a.image_url LIMIT 1) lm ON true`;

/** Newest first; only live publications, so a takedown leaves every list at once. */
export async function listCards(db: Db, f: ListFilter): Promise<SiteCardRow[]> {
  const params: unknown[] = [f.lang, f.limit, f.offset ?? 0];
  let where = `p.status = 'live' AND p.lang = $1`;
  if (f.category !== undefined) {
    params.push(f.category);
    where += ` AND ${CATEGORY} = $${params.length}`;
  }
  if (f.sourceId !== undefined) {
    params.push(f.sourceId);
    where += ` AND s.id = $${params.length}`;
  }
  if (f.byStory) where += ` AND ${storyLeadOnly('$1')}`;
  const body = f.withBody
    ? `, t.html, t.engine, a.url AS original_url, a.title AS original_title, a.byline,
       (SELECT coalesce(json_agg(json_build_object('url', ms.url, 'sha256', m.sha256, 'ext', m.ext, 'width', m.width, 'height', m.height)), '[]')
        FROM media_sources ms JOIN media m ON m.sha256 = ms.sha256 WHERE ms.article_id = a.id) AS media`
    : '';
  const page = `SELECT ${CARD_COLUMNS}${f.byStory ? ', a.story_id AS sid' : ''}${body} FROM ${CARD_FROM} WHERE ${where}
     ORDER BY ${DATED_AT} DESC, p.id DESC LIMIT $2 OFFSET $3`;
  // Stories are counted for the page's cards only, after the limit.
  const sql = f.byStory ? `SELECT x.*, ${storyCardColumns('x.sid')} FROM (${page}) x ${storyCardJoin('x.sid')} ORDER BY x.published_at DESC, x.id DESC` : page;
  const { rows } = await db.query<SiteCardRow>(sql, params);
  return rows;
}

/** The newest `perTopic` live stories of each topic (one card per story), leaving out those already shown (`excludeIds`). */
export async function listTopicSections(db: Db, lang: string, perTopic: number, excludeIds: number[]): Promise<SiteCardRow[]> {
  const { rows } = await db.query<SiteCardRow>(
    `SELECT x.*, ${storyCardColumns('x.sid')} FROM (
       SELECT ${CARD_COLUMNS}, a.story_id AS sid, row_number() OVER (PARTITION BY ${CATEGORY} ORDER BY ${DATED_AT} DESC, p.id DESC) AS rn
       FROM ${CARD_FROM}
       WHERE p.status = 'live' AND p.lang = $1 AND ${CATEGORY} IS NOT NULL AND NOT (p.id = ANY($3::bigint[])) AND ${storyLeadOnly('$1')}
     ) x ${storyCardJoin('x.sid')} WHERE rn <= $2 ORDER BY category, published_at DESC, id DESC`,
    [lang, perTopic, excludeIds],
  );
  return rows;
}

export interface NameCountRow {
  id: number | null;
  name: string;
  count: number;
}

/** Topics (categories) with live stories in `lang`, most stories first. */
export async function listTopics(db: Db, lang: string): Promise<NameCountRow[]> {
  const { rows } = await db.query<NameCountRow>(
    `SELECT NULL::bigint AS id, ${CATEGORY} AS name, count(*)::int AS count
     FROM ${CARD_FROM} WHERE p.status = 'live' AND p.lang = $1 AND ${CATEGORY} IS NOT NULL
     GROUP BY 2 ORDER BY 3 DESC, 2`,
    [lang],
  );
  return rows;
}

/** Outlets with live stories in `lang`. */
export async function listSources(db: Db, lang: string): Promise<NameCountRow[]> {
  const { rows } = await db.query<NameCountRow>(
    `SELECT s.id, coalesce(s.name, s.title, s.url) AS name, count(*)::int AS count
     FROM ${CARD_FROM} WHERE p.status = 'live' AND p.lang = $1 GROUP BY 1, 2 ORDER BY 3 DESC, 2`,
    [lang],
  );
  return rows;
}

export interface SitemapRow {
  path: string;
  updated_at: Date;
  published_at: Date;
  title: string;
  alternates: { lang: string; path: string }[];
}

/** Languages with a live story dated in the last `hours`: those whose news sitemap has something in it. */
export async function languagesPublishedSince(db: Db, hours: number): Promise<string[]> {
  const { rows } = await db.query<{ lang: string }>(
    `SELECT DISTINCT p.lang FROM publications p JOIN articles a ON a.id = p.article_id
     WHERE p.status = 'live' AND ${DATED_AT} > now() - make_interval(hours => $1) ORDER BY p.lang`,
    [Math.floor(hours)],
  );
  return rows.map((r) => r.lang);
}

/** Live articles of `lang` for the sitemaps, each with its live translations in other languages. */
export async function listSitemap(db: Db, lang: string, sinceHours?: number): Promise<SitemapRow[]> {
  const since = sinceHours ? `AND ${DATED_AT} > now() - make_interval(hours => ${Math.floor(sinceHours)})` : '';
  const { rows } = await db.query<SitemapRow>(
    `SELECT p.path, greatest(p.updated_at, t.updated_at) AS updated_at, ${DATED_AT} AS published_at, t.title,
       coalesce((SELECT json_agg(json_build_object('lang', o.lang, 'path', o.path) ORDER BY o.lang)
                 FROM publications o WHERE o.article_id = p.article_id AND o.status = 'live'), '[]') AS alternates
     FROM publications p JOIN translations t ON t.id = p.translation_id JOIN articles a ON a.id = p.article_id
     WHERE p.status = 'live' AND p.lang = $1 ${since}
     ORDER BY ${DATED_AT} DESC, p.id DESC LIMIT 50000`,
    [lang],
  );
  return rows.map((r) => ({ ...r, alternates: typeof r.alternates === 'string' ? JSON.parse(r.alternates) : r.alternates }));
}

/** Newest change per language (sitemap index lastmod). */
export async function lastModifiedByLang(db: Db): Promise<Map<string, Date>> {
  const { rows } = await db.query<{ lang: string; lastmod: Date }>(
    `SELECT lang, max(updated_at) AS lastmod FROM publications WHERE status = 'live' GROUP BY lang`,
  );
  return new Map(rows.map((r) => [r.lang, r.lastmod]));
}
