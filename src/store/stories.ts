import type { TranslationCost } from '../domain/translation.ts';
import type { LoggedPlacement } from '../stories/index.ts';
import type { Db } from './db.ts';
import { recordEngineSpend, spentIn } from './engine-spend.ts';
import { recordStoryAlias } from './story-aliases.ts';

/**
 * The write side of stories (migration 095): the placement log every worker replays, an article's
 * place in its story, the story's translated lead per language, merges, and what a story cost.
 * Pages read through story-reads.ts.
 */

export type StoryRole = 'report' | 'duplicate' | 'update';

/** Any fixed key: every worker placing articles takes the same lock. */
const PLACEMENT_LOCK = 7316012;

/**
 * Serializes placements across processes until the transaction ends (PGlite has one process and
 * one connection: the placer's own queue is the lock there).
 */
export async function lockPlacements(tx: Db): Promise<void> {
  if (tx.kind === 'postgres') await tx.query('SELECT pg_advisory_xact_lock($1)', [PLACEMENT_LOCK]);
}

export interface PlacementLogRow {
  seq: number;
  article_id: number;
  story_id: number;
  features: LoggedPlacement;
}

/** Log rows after `afterSeq` placed since `since`, in order: what this worker has not replayed yet. */
export async function placementsAfter(db: Db, afterSeq: number, since: Date): Promise<PlacementLogRow[]> {
  const { rows } = await db.query<PlacementLogRow>(
    `SELECT seq, article_id, story_id, features
       FROM story_placements WHERE seq > $1 AND placed_at >= $2 ORDER BY seq`,
    [afterSeq, since],
  );
  return rows;
}

/** An id for a story this placement may start (unused ids are gaps, nothing more). */
export async function reserveStoryId(tx: Db): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(`SELECT nextval(pg_get_serial_sequence('stories', 'id')) AS id`);
  return rows[0]!.id;
}

export async function createStory(tx: Db, id: number): Promise<void> {
  await tx.query('INSERT INTO stories (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [id]);
}

export interface NewPlacement {
  articleId: number;
  storyId: number;
  role: StoryRole;
  duplicateOf: number | null;
  score: number;
  features: LoggedPlacement;
  /** Characters the engines were paid to translate the article's head into the pivot. */
  engineCharacters: number;
  /**
   * The engine's report of that run and its target (the pivot), for the cost ledger's route and
   * money; absent: the run is booked with its characters only (when there were any).
   */
  headTranslation?: { lang: string; cost: TranslationCost } | null;
}

/** Appends the placement to the log and writes it on the article and its story; returns the log's seq. */
export async function recordPlacement(tx: Db, p: NewPlacement): Promise<number> {
  const { rows } = await tx.query<{ seq: number }>(
    `INSERT INTO story_placements (article_id, story_id, features, engine_characters) VALUES ($1, $2, $3, $4)
     ON CONFLICT (article_id) DO UPDATE SET story_id = EXCLUDED.story_id, features = EXCLUDED.features
     RETURNING seq`,
    [p.articleId, p.storyId, JSON.stringify(p.features), p.engineCharacters],
  );
  await tx.query(
    `UPDATE articles SET story_id = $2, story_role = $3, duplicate_of = $4, story_score = $5, placed_at = now() WHERE id = $1`,
    [p.articleId, p.storyId, p.role, p.duplicateOf, p.score],
  );
  await countMembers(tx, p.storyId);
  if (p.headTranslation) {
    await recordEngineSpend(tx, { reason: 'placement', articleId: p.articleId, lang: p.headTranslation.lang, ...spentIn(p.headTranslation.cost) });
  } else if (p.engineCharacters > 0) {
    await recordEngineSpend(tx, { reason: 'placement', articleId: p.articleId, lang: null, engine: null, characters: p.engineCharacters });
  }
  return rows[0]!.seq;
}

/** An article's role changes after placement (a report found to add facts becomes an update). */
export async function setStoryRole(tx: Db, articleId: number, role: StoryRole): Promise<void> {
  await tx.query('UPDATE articles SET story_role = $2 WHERE id = $1', [articleId, role]);
}

async function countMembers(tx: Db, storyId: number): Promise<void> {
  await tx.query(
    `UPDATE stories s SET member_count = m.n, last_member_at = m.last, updated_at = now()
       FROM (SELECT count(*)::int AS n, max(COALESCE(published_at, placed_at)) AS last FROM articles WHERE story_id = $1) m
      WHERE s.id = $1`,
    [storyId],
  );
}

/**
 * Story `gone` joined story `keep`: its members move over, its pages redirect (merged_into, and
 * story_aliases for the clusterer's ids), and `keep` keeps its own lead where it has one; where it
 * has none, `gone`'s lead becomes its lead.
 */
export async function mergeStory(tx: Db, gone: number, keep: number): Promise<void> {
  if (gone === keep) return;
  await tx.query('UPDATE stories SET merged_into = $2, member_count = 0, updated_at = now() WHERE id = $1', [gone, keep]);
  // Stories merged into `gone` earlier now point at `keep`: one hop, as story_aliases.
  await tx.query('UPDATE stories SET merged_into = $2 WHERE merged_into = $1', [gone, keep]);
  await tx.query('UPDATE articles SET story_id = $2 WHERE story_id = $1', [gone, keep]);
  await tx.query(
    `UPDATE story_leads SET story_id = $2 WHERE story_id = $1 AND lang NOT IN (SELECT lang FROM story_leads WHERE story_id = $2)`,
    [gone, keep],
  );
  await tx.query('DELETE FROM story_leads WHERE story_id = $1', [gone]);
  await recordStoryAlias(tx, String(gone), String(keep));
  await countMembers(tx, keep);
}

/** Makes `articleId` the story's lead in `lang` unless it has one; true when it did. */
export async function claimStoryLead(tx: Db, storyId: number, lang: string, articleId: number): Promise<boolean> {
  const { rowCount } = await tx.query(
    'INSERT INTO story_leads (story_id, lang, article_id) VALUES ($1, $2, $3) ON CONFLICT (story_id, lang) DO NOTHING',
    [storyId, lang, articleId],
  );
  return rowCount > 0;
}

/** An editor's pick: `articleId` is the story's lead in `lang` from now on. */
export async function pickStoryLead(tx: Db, storyId: number, lang: string, articleId: number, editor: string): Promise<void> {
  await tx.query(
    `INSERT INTO story_leads (story_id, lang, article_id, picked_by) VALUES ($1, $2, $3, $4)
     ON CONFLICT (story_id, lang) DO UPDATE SET article_id = EXCLUDED.article_id, picked_by = EXCLUDED.picked_by, updated_at = now()`,
    [storyId, lang, articleId, editor],
  );
}

/** The live story an id stands for: itself, or the story it was merged into; null when there is none. */
export async function liveStoryId(db: Db, id: number): Promise<number | null> {
  const { rows } = await db.query<{ id: number; merged_into: number | null }>('SELECT id, merged_into FROM stories WHERE id = $1', [id]);
  const row = rows[0];
  return row ? (row.merged_into ?? row.id) : null;
}

export interface StorySpend {
  storyId: number;
  /**
   * Engine characters of the members' translations, every target language: each first
   * translation, each editor's retranslation, and each re-translation when a source changed,
   * published or held.
   */
  translated: number;
  /** Engine characters of heads translated into the pivot to place the members. */
  placement: number;
  total: number;
  /** Translations made: first translations and re-translations of updates (an editor's retranslation redoes one). */
  translations: number;
}

/** What a story cost in engine characters: its members' runs in the cost ledger (engine-spend.ts). */
export async function storySpend(db: Db, storyId: number): Promise<StorySpend> {
  const { rows } = await db.query<{ translated: number; placement: number; translations: number }>(
    `SELECT COALESCE(sum(s.characters) FILTER (WHERE s.reason IN ('translation', 'retranslation', 'update')), 0)::float8 AS translated,
            COALESCE(sum(s.characters) FILTER (WHERE s.reason = 'placement'), 0)::float8 AS placement,
            count(*) FILTER (WHERE s.reason IN ('translation', 'update'))::int AS translations
       FROM articles a JOIN engine_spend s ON s.article_id = a.id
      WHERE a.story_id = $1`,
    [storyId],
  );
  const r = rows[0]!;
  return { storyId, translated: r.translated, placement: r.placement, total: r.translated + r.placement, translations: r.translations };
}

export interface StoryMember {
  id: number;
  lang: string;
  title: string;
  text: string;
  story_role: StoryRole | null;
}

/** What the story has translated (or queued) into `lang` so far: its lead there and its updates. */
export async function toldInStory(db: Db, storyId: number, lang: string): Promise<StoryMember[]> {
  const { rows } = await db.query<StoryMember>(
    `SELECT a.id, a.lang, a.title, a.text, a.story_role FROM articles a
      WHERE a.story_id = $1 AND (a.story_role = 'update' OR a.id IN (SELECT article_id FROM story_leads WHERE story_id = $1 AND lang = $2))
      ORDER BY a.id`,
    [storyId, lang],
  );
  return rows;
}

export async function storyMember(db: Db, storyId: number, articleId: number): Promise<StoryMember | null> {
  const { rows } = await db.query<StoryMember>(
    'SELECT id, lang, title, text, story_role FROM articles WHERE id = $1 AND story_id = $2',
    [articleId, storyId],
  );
  return rows[0] ?? null;
}

/** The article's role in its story (null: not placed). */
export async function storyRoleOf(db: Db, articleId: number): Promise<StoryRole | null> {
  const { rows } = await db.query<{ story_role: StoryRole | null }>('SELECT story_role FROM articles WHERE id = $1', [articleId]);
  return rows[0]?.story_role ?? null;
}

/**
 * Articles that will not be translated into `lang` because their story's lead already tells it:
 * near-duplicates and members that add nothing, listed on the story's page. Articles already in
 * `lang` are not counted (they were never to be translated into it).
 */
export async function countListedOnly(db: Db, lang: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM articles a
      WHERE a.lang <> $1 AND a.placed_at IS NOT NULL AND a.story_role IN ('report', 'duplicate')
        AND NOT EXISTS (SELECT 1 FROM story_leads l WHERE l.article_id = a.id AND l.lang = $1)
        AND NOT EXISTS (SELECT 1 FROM translations t WHERE t.article_id = a.id AND t.lang = $1)`,
    [lang],
  );
  return rows[0]!.n;
}

/** Live stories with members from at least `outlets` outlets (by name: one outlet's RSS and Atom feeds are one). */
export async function countMultiSourceStories(db: Db, outlets = 2): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (
       SELECT a.story_id FROM articles a JOIN stories s ON s.id = a.story_id
        WHERE s.merged_into IS NULL GROUP BY a.story_id HAVING count(DISTINCT COALESCE(a.site_name, a.source_id::text)) >= $1) m`,
    [outlets],
  );
  return rows[0]!.n;
}

/** True once the article has its place in a story (a retried job places it once). */
export async function isPlaced(db: Db, articleId: number): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM articles WHERE id = $1 AND placed_at IS NOT NULL', [articleId]);
  return rows.length > 0;
}

/**
 * Story events (migration 098): a split or an editor's merge, logged beside the placements so
 * every worker's clusterer replays it after the placement it followed (after_seq).
 */
export interface StoryEventRow {
  id: number;
  after_seq: number;
  kind: 'split' | 'merge';
  story_id: number;
  other_id: number;
  kept: number[];
  moved: number[];
  decided_by: string;
}

/** Story events after `afterId` logged since `since`, in order: what this worker has not applied yet. */
export async function storyEventsAfter(db: Db, afterId: number, since: Date): Promise<StoryEventRow[]> {
  const { rows } = await db.query<StoryEventRow>(
    `SELECT id, after_seq, kind, story_id, other_id, kept, moved, decided_by
       FROM story_events WHERE id > $1 AND at >= $2 ORDER BY id`,
    [afterId, since],
  );
  return rows;
}

/** Logs a story event after the placement log's latest row (call it holding the placement lock). */
export async function recordStoryEvent(
  tx: Db,
  e: { kind: 'split' | 'merge'; storyId: number; otherId: number; kept?: number[]; moved?: number[]; decidedBy: string },
): Promise<StoryEventRow> {
  const { rows } = await tx.query<StoryEventRow>(
    `INSERT INTO story_events (after_seq, kind, story_id, other_id, kept, moved, decided_by)
     VALUES ((SELECT COALESCE(max(seq), 0) FROM story_placements), $1, $2, $3, $4, $5, $6)
     RETURNING id, after_seq, kind, story_id, other_id, kept, moved, decided_by`,
    [e.kind, e.storyId, e.otherId, JSON.stringify(e.kept ?? []), JSON.stringify(e.moved ?? []), e.decidedBy],
  );
  return rows[0]!;
}

/** The placement log's rows of these articles (a split's members): their features, by article id. */
export async function loggedPlacements(db: Db, articleIds: readonly number[]): Promise<Map<number, LoggedPlacement>> {
  if (articleIds.length === 0) return new Map();
  const { rows } = await db.query<{ article_id: number; features: LoggedPlacement }>(
    'SELECT article_id, features FROM story_placements WHERE article_id = ANY($1::bigint[])',
    [[...articleIds]],
  );
  return new Map(rows.map((r) => [r.article_id, r.features]));
}

/** A member of a story with what a split needs: its place in the log and its logged features. */
export interface SplitMemberRow {
  article_id: number;
  lang: string;
  story_role: StoryRole | null;
  duplicate_of: number | null;
  /** Its placement log row (null: placed before the log existed). */
  seq: number | null;
  features: LoggedPlacement | null;
}

/** Every member of a story in placement order (the story's first member first). */
export async function storyMembersInLogOrder(db: Db, storyId: number, withFeatures = true): Promise<SplitMemberRow[]> {
  const { rows } = await db.query<SplitMemberRow>(
    `SELECT a.id AS article_id, a.lang, a.story_role, a.duplicate_of, p.seq, ${withFeatures ? 'p.features' : 'NULL AS features'}
       FROM articles a LEFT JOIN story_placements p ON p.article_id = a.id
      WHERE a.story_id = $1 ORDER BY p.seq NULLS LAST, a.id`,
    [storyId],
  );
  return rows;
}

/**
 * Story `newId` (created here, split from `storyId`) takes the articles `moved` of `storyId`: their
 * rows, their near-duplicate sketches, and the story's lead in any language where one of them
 * was it (an editor's pick stays with its article). Returns how many articles moved.
 */
export async function moveToNewStory(tx: Db, storyId: number, newId: number, moved: readonly number[]): Promise<number> {
  await tx.query('INSERT INTO stories (id, split_from) VALUES ($1, $2)', [newId, storyId]);
  const { rowCount } = await tx.query('UPDATE articles SET story_id = $2 WHERE story_id = $1 AND id = ANY($3::bigint[])', [storyId, newId, [...moved]]);
  await tx.query('UPDATE story_sketches SET story_id = $2 WHERE article_key = ANY($1::text[])', [moved.map(String), String(newId)]);
  await tx.query(
    'UPDATE story_leads SET story_id = $2, updated_at = now() WHERE story_id = $1 AND article_id = ANY($3::bigint[])',
    [storyId, newId, [...moved]],
  );
  await countMembers(tx, storyId);
  await countMembers(tx, newId);
  return rowCount;
}

/** Target languages among `langs` in which the story has no lead. */
export async function languagesWithoutLead(db: Db, storyId: number, langs: readonly string[]): Promise<string[]> {
  const { rows } = await db.query<{ lang: string }>('SELECT lang FROM story_leads WHERE story_id = $1', [storyId]);
  const led = new Set(rows.map((r) => r.lang));
  return langs.filter((l) => !led.has(l));
}

/** True when the article has a translation into `lang` (done, held or published). */
export async function hasTranslation(db: Db, articleId: number, lang: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM translations WHERE article_id = $1 AND lang = $2', [articleId, lang]);
  return rows.length > 0;
}

/** How many members the story has (near-duplicates included). */
export async function memberCount(db: Db, storyId: number): Promise<number> {
  const { rows } = await db.query<{ member_count: number }>('SELECT member_count FROM stories WHERE id = $1', [storyId]);
  return rows[0]?.member_count ?? 0;
}

/** True when an editor merged another story into this one: the pipeline then never splits it (the editor said it is one). */
export async function mergedByHand(db: Db, storyId: number): Promise<boolean> {
  const { rows } = await db.query(`SELECT 1 FROM story_events WHERE kind = 'merge' AND story_id = $1 AND decided_by <> 'pipeline' LIMIT 1`, [storyId]);
  return rows.length > 0;
}
