import type { Db } from './db.ts';
import type { StoryRole } from './stories.ts';
import { outletName } from './story-cards.ts';

/**
 * What the newsroom console shows of stories: the recent ones with their counts, one story's
 * members in placement order with its leads, and the splits and merges logged in story_events.
 * Read only: the console changes stories through jobs/pick-story-lead.ts and jobs/split-story.ts.
 */

/** A json_agg column: PGlite and node-postgres hand jsonb back parsed, a json text on some paths. */
const list = <T>(v: T[] | string | null): T[] => (v === null ? [] : typeof v === 'string' ? (JSON.parse(v) as T[]) : v);

export interface StoryListRow {
  id: number;
  /** The lead's original title (the lead in `lang`, else the first member). */
  title: string;
  title_lang: string;
  /** The lead's title translated into `lang`, when it is. */
  translated_title: string | null;
  members: number;
  outlets: number;
  langs: string[];
  /** The newest of a member's arrival and a change to the story (a split, a merge, a lead). */
  active_at: Date;
}

/**
 * Live stories (not merged away, with members), newest activity first; `lang` picks whose lead
 * titles them. The page of ids is chosen from `stories` alone (member_count, kept by every
 * placement, split and merge), so the counts are made for the rows shown, not for every story.
 */
export async function listStories(db: Db, opts: { lang: string; limit: number; offset: number }): Promise<{ rows: StoryListRow[]; total: number }> {
  const [page, count] = await Promise.all([
    db.query<Omit<StoryListRow, 'langs'> & { langs: string[] | string }>(
      `WITH shown AS (
         SELECT id, greatest(updated_at, last_member_at) AS active_at FROM stories
          WHERE merged_into IS NULL AND member_count > 0
          ORDER BY 2 DESC, id DESC LIMIT $2 OFFSET $3)
       SELECT s.id, h.title, h.lang AS title_lang, t.title AS translated_title, c.members, c.outlets, c.langs, s.active_at
       FROM shown s
       JOIN LATERAL (SELECT count(*)::int AS members, count(DISTINCT ${outletName('src', 'm')})::int AS outlets,
           json_agg(DISTINCT m.lang) AS langs
         FROM articles m JOIN sources src ON src.id = m.source_id WHERE m.story_id = s.id) c ON c.members > 0
       JOIN LATERAL (SELECT a.id, a.title, a.lang FROM articles a
           LEFT JOIN story_leads l ON l.story_id = s.id AND l.lang = $1 AND l.article_id = a.id
           LEFT JOIN story_placements p ON p.article_id = a.id
         WHERE a.story_id = s.id ORDER BY l.article_id IS NULL, p.seq NULLS LAST, a.id LIMIT 1) h ON true
       LEFT JOIN translations t ON t.article_id = h.id AND t.lang = $1
       ORDER BY s.active_at DESC, s.id DESC`,
      [opts.lang, opts.limit, opts.offset],
    ),
    db.query<{ n: number }>('SELECT count(*)::int AS n FROM stories WHERE merged_into IS NULL AND member_count > 0'),
  ]);
  return { rows: page.rows.map((r) => ({ ...r, langs: list(r.langs).sort() })), total: count.rows[0]!.n };
}

export interface StoryEventView {
  id: number;
  kind: 'split' | 'merge';
  /** split: the story that kept its id; merge: the story that stayed. */
  story_id: number;
  /** split: the new story; merge: the story merged away. */
  other_id: number;
  /** How many members went to the new story (a split); 0 for a merge. */
  moved: number;
  /** 'pipeline' or the editor's email. */
  decided_by: string;
  at: Date;
}

/** The latest splits and merges, newest first; of one story (either side) when `storyId` is given. */
export async function recentStoryEvents(db: Db, opts: { limit: number; storyId?: number }): Promise<StoryEventView[]> {
  const params: unknown[] = [opts.limit];
  const where = opts.storyId === undefined ? '' : `WHERE story_id = $${params.push(opts.storyId)} OR other_id = $${params.length}`;
  const { rows } = await db.query<StoryEventView>(
    `SELECT id, kind, story_id, other_id, jsonb_array_length(moved)::int AS moved, decided_by, at
       FROM story_events ${where} ORDER BY id DESC LIMIT $1`,
    params,
  );
  return rows;
}

export interface StoryHead {
  id: number;
  merged_into: number | null;
  split_from: number | null;
  created_at: Date;
  active_at: Date;
}

export async function storyHead(db: Db, id: number): Promise<StoryHead | null> {
  const { rows } = await db.query<StoryHead>(
    'SELECT id, merged_into, split_from, created_at, greatest(updated_at, last_member_at) AS active_at FROM stories WHERE id = $1',
    [id],
  );
  return rows[0] ?? null;
}

export interface StoryMemberView {
  article_id: number;
  outlet: string;
  url: string;
  title: string;
  lang: string;
  /** The source's publication time, else when we fetched it. */
  at: Date;
  role: StoryRole | null;
  duplicate_of: number | null;
  /** Languages it has a translation in (any state). */
  translated: string[];
}

/** Every member in placement order (the story's first member first), as splitByHand orders them. */
export async function storyMembersForConsole(db: Db, storyId: number): Promise<StoryMemberView[]> {
  const { rows } = await db.query<Omit<StoryMemberView, 'translated'> & { translated: string[] | string | null }>(
    `SELECT a.id AS article_id, ${outletName('s', 'a')} AS outlet, a.url, a.title, a.lang,
       coalesce(a.published_at, a.fetched_at) AS at, a.story_role AS role, a.duplicate_of,
       (SELECT json_agg(t.lang ORDER BY t.lang) FROM translations t WHERE t.article_id = a.id) AS translated
     FROM articles a JOIN sources s ON s.id = a.source_id LEFT JOIN story_placements p ON p.article_id = a.id
     WHERE a.story_id = $1 ORDER BY p.seq NULLS LAST, a.id`,
    [storyId],
  );
  return rows.map((r) => ({ ...r, translated: list(r.translated) }));
}

export interface StoryLeadView {
  lang: string;
  article_id: number;
  /** The editor who picked it; null: the pipeline's choice. */
  picked_by: string | null;
  updated_at: Date;
}

export async function storyLeadsForConsole(db: Db, storyId: number): Promise<StoryLeadView[]> {
  const { rows } = await db.query<StoryLeadView>(
    'SELECT lang, article_id, picked_by, updated_at FROM story_leads WHERE story_id = $1 ORDER BY lang',
    [storyId],
  );
  return rows;
}

/** The story each of these articles is in (articles not placed are left out). */
export async function storiesOfArticles(db: Db, articleIds: readonly number[]): Promise<Map<number, number>> {
  if (articleIds.length === 0) return new Map();
  const { rows } = await db.query<{ id: number; story_id: number }>(
    'SELECT id, story_id FROM articles WHERE id = ANY($1::bigint[]) AND story_id IS NOT NULL',
    [[...articleIds]],
  );
  return new Map(rows.map((r) => [Number(r.id), Number(r.story_id)]));
}
