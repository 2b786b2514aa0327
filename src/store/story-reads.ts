import type { Db } from './db.ts';
import { leadPublication, outletName, shownMember, storyCardJoin } from './story-cards.ts';

/**
 * The read side of stories for the public site: what a story page, an article's story link and
 * the sitemaps show. The pipeline writes stories (store/stories.ts); nothing here writes.
 */

/** Where a story id leads: itself, or the story it was merged into (followed to the end); null when unknown. */
export async function storyTarget(db: Db, id: number): Promise<{ id: number; merged: boolean } | null> {
  const { rows } = await db.query<{ id: number; depth: number }>(
    `WITH RECURSIVE chain(id, merged_into, depth) AS (
       SELECT id, merged_into, 0 FROM stories WHERE id = $1
       UNION ALL
       SELECT s.id, s.merged_into, c.depth + 1 FROM stories s JOIN chain c ON s.id = c.merged_into WHERE c.depth < 20
     ) SELECT id, depth FROM chain ORDER BY depth DESC LIMIT 1`,
    [id],
  );
  const last = rows[0];
  return last ? { id: Number(last.id), merged: last.depth > 0 } : null;
}

/** The story a publication's article belongs to; null when none. */
export async function storyOfPublication(db: Db, publicationId: number): Promise<number | null> {
  const { rows } = await db.query<{ story_id: number | null }>(
    'SELECT a.story_id FROM publications p JOIN articles a ON a.id = p.article_id WHERE p.id = $1',
    [publicationId],
  );
  return rows[0]?.story_id ?? null;
}

/** The live pages of the stories' members: each says how many outlets told its story. */
export async function memberPagePaths(db: Db, storyIds: readonly number[]): Promise<string[]> {
  const { rows } = await db.query<{ path: string }>(
    `SELECT p.path FROM publications p JOIN articles a ON a.id = p.article_id WHERE a.story_id = ANY($1::bigint[]) AND p.status = 'live'`,
    [[...storyIds]],
  );
  return rows.map((r) => r.path);
}

/** The path of the publication a story is read in, in `lang` (see leadPublication); null when it has none live there. */
export async function storyLeadPath(db: Db, storyId: number, lang: string): Promise<string | null> {
  const { rows } = await db.query<{ path: string }>(
    `SELECT path FROM publications WHERE id = ${leadPublication('$1::bigint', '$2::text')}`,
    [storyId, lang],
  );
  return rows[0]?.path ?? null;
}

/** A member of a story as its page lists it. */
export interface StoryMemberRow {
  article_id: number;
  role: 'report' | 'update' | 'duplicate' | null;
  duplicate_of: number | null;
  outlet: string;
  url: string;
  title: string;
  lang: string;
  /** The original's text: where the claims are read from. */
  text: string;
  /** The source's publication time, else when we fetched it. */
  at: Date;
  /** Our live publication of it in the page's language, if any. */
  path: string | null;
  translated_title: string | null;
}

/** Every member the site names, oldest first, with its live publication in `lang`. */
export async function listStoryMembers(db: Db, storyId: number, lang: string): Promise<StoryMemberRow[]> {
  const { rows } = await db.query<StoryMemberRow>(
    `SELECT m.id AS article_id, m.story_role AS role, m.duplicate_of, ${outletName('s', 'm')} AS outlet,
       m.url, m.title, m.lang, m.text, coalesce(m.published_at, m.fetched_at) AS at, p.path, t.title AS translated_title
     FROM articles m JOIN sources s ON s.id = m.source_id
       LEFT JOIN publications p ON p.article_id = m.id AND p.lang = $2 AND p.status = 'live'
       LEFT JOIN translations t ON t.id = p.translation_id
     WHERE m.story_id = $1 AND ${shownMember('m')}
     ORDER BY coalesce(m.published_at, m.fetched_at), m.id`,
    [storyId, lang],
  );
  return rows;
}

/** The languages the story can be read in (a member live there): its page's alternates. */
export async function storyLanguages(db: Db, storyId: number): Promise<string[]> {
  const { rows } = await db.query<{ lang: string }>(
    `SELECT DISTINCT p.lang FROM publications p JOIN articles a ON a.id = p.article_id
     WHERE a.story_id = $1 AND p.status = 'live' ORDER BY p.lang`,
    [storyId],
  );
  return rows.map((r) => r.lang);
}

export interface StorySummary {
  members: number;
  outlets: number;
  changed_at: Date | null;
}

/** How many members and outlets a story has, and when the newest arrived. */
export async function storySummary(db: Db, storyId: number): Promise<StorySummary> {
  const { rows } = await db.query<StorySummary>(
    `SELECT sc.members, sc.outlets, sc.changed_at FROM (SELECT $1::bigint AS story_id) a ${storyCardJoin()}`,
    [storyId],
  );
  return rows[0] ?? { members: 0, outlets: 0, changed_at: null };
}

export interface StorySitemapRow {
  story_id: number;
  lastmod: Date;
  langs: string[];
}

/** Stories told by more than one member and readable in `lang`, newest change first: the sitemap's story pages. */
export async function listStorySitemap(db: Db, lang: string, limit = 50_000): Promise<StorySitemapRow[]> {
  const { rows } = await db.query<StorySitemapRow & { langs: string[] | string }>(
    `SELECT a.story_id, greatest(p.updated_at, sc.changed_at) AS lastmod,
       coalesce((SELECT json_agg(DISTINCT o.lang) FROM publications o JOIN articles oa ON oa.id = o.article_id
                 WHERE oa.story_id = a.story_id AND o.status = 'live'), '[]') AS langs
     FROM publications p JOIN articles a ON a.id = p.article_id ${storyCardJoin()}
     WHERE p.status = 'live' AND p.lang = $1 AND a.story_id IS NOT NULL AND sc.members > 1
       AND p.id = ${leadPublication('a.story_id', 'p.lang')}
     ORDER BY 2 DESC, 1 DESC LIMIT $2`,
    [lang, limit],
  );
  return rows.map((r) => ({ ...r, langs: typeof r.langs === 'string' ? JSON.parse(r.langs) : r.langs }));
}
