import type { SourceChanges, SourceUpdate } from '../domain/source-changes.ts';
import type { TranslationCost } from '../domain/translation.ts';
import type { ArticleRow } from './articles.ts';
import type { Db } from './db.ts';
import { recordEngineSpend, spentIn } from './engine-spend.ts';
import { jsonParam } from './sql-params.ts';

/** An article as its refetch sees it: the row, the validators of the last answer, and whether the source still has it. */
export interface FollowedArticle extends ArticleRow {
  created_at: Date;
  etag: string | null;
  last_modified: string | null;
  source_gone_at: Date | null;
}

export interface LivePublication {
  id: number;
  lang: string;
  translation_id: number;
}

export interface RefetchTarget {
  article: FollowedArticle;
  /** The article's first publication on this site (its arrival where it has none): the schedule counts from it. */
  followedSince: Date;
  live: LivePublication[];
}

/**
 * Claims the articles due to be fetched again, and moves each one's time forward by `graceSeconds`
 * in the same statement (two schedulers never queue one twice; the refetch sets the real next
 * time). Only articles with a live publication are fetched; one without (held, a near-duplicate,
 * taken down) is looked at again later, and dropped once older than `followSeconds`. An article
 * never fetched again whose first step (`firstSeconds` after its arrival) is still ahead — the
 * database's default is 10 minutes, a schedule may start later — is moved to that step instead.
 */
export async function claimDueRefetches(tx: Db, o: { graceSeconds: number; followSeconds: number; firstSeconds: number; limit: number }): Promise<Array<{ id: number; url: string }>> {
  const { rows } = await tx.query<{ id: number; url: string; live: boolean; early: boolean }>(
    `WITH due AS (
       SELECT a.id, EXISTS (SELECT 1 FROM publications p WHERE p.article_id = a.id AND p.status = 'live') AS live,
              a.created_at < now() - make_interval(secs => $2) AS past,
              CASE WHEN a.refetched_at IS NULL AND a.created_at + make_interval(secs => $4) > now() THEN a.created_at + make_interval(secs => $4) END AS first_step
         FROM articles a WHERE a.refetch_at <= now()
        ORDER BY a.refetch_at LIMIT $3 FOR UPDATE OF a SKIP LOCKED)
     UPDATE articles a SET refetch_at = CASE WHEN due.first_step IS NOT NULL THEN due.first_step
                                             WHEN due.live OR NOT due.past THEN now() + make_interval(secs => $1) END
       FROM due WHERE a.id = due.id
     RETURNING a.id, a.url, due.live, due.first_step IS NOT NULL AS early`,
    [o.graceSeconds, o.followSeconds, o.limit, o.firstSeconds],
  );
  return rows.filter((r) => r.live && !r.early).map(({ id, url }) => ({ id, url }));
}

/** Articles are not followed here (an empty schedule): the due ones stop being due. Returns how many. */
export async function stopFollowingDue(tx: Db, limit: number): Promise<number> {
  const { rowCount } = await tx.query(
    `UPDATE articles SET refetch_at = NULL WHERE id IN (SELECT id FROM articles WHERE refetch_at <= now() ORDER BY refetch_at LIMIT $1 FOR UPDATE SKIP LOCKED)`,
    [limit],
  );
  return rowCount;
}

export async function getRefetchTarget(db: Db, articleId: number): Promise<RefetchTarget | null> {
  const article = (await db.query<FollowedArticle>('SELECT * FROM articles WHERE id = $1', [articleId])).rows[0];
  if (!article) return null;
  const { rows } = await db.query<LivePublication & { status: string; published_at: Date }>(
    'SELECT id, lang, translation_id, status, published_at FROM publications WHERE article_id = $1 ORDER BY published_at, id',
    [articleId],
  );
  const first = rows[0]?.published_at ?? article.created_at;
  return {
    article,
    followedSince: new Date(first),
    live: rows.filter((r) => r.status === 'live').map(({ id, lang, translation_id }) => ({ id, lang, translation_id })),
  };
}

/** A fetch that changed nothing (304, the same text, a failure): when it was, the validators, the next time. */
export async function recordRefetch(db: Db, articleId: number, r: { next: Date | null; etag?: string | null; lastModified?: string | null; error?: string | null }): Promise<void> {
  await db.query(
    `UPDATE articles SET refetched_at = now(), refetch_at = $2, refetch_error = $3,
       etag = CASE WHEN $6 THEN $4 ELSE etag END, last_modified = CASE WHEN $6 THEN $5 ELSE last_modified END
     WHERE id = $1`,
    [articleId, r.next, r.error ?? null, r.etag ?? null, r.lastModified ?? null, r.etag !== undefined || r.lastModified !== undefined],
  );
}

/**
 * The source answered 404 or 410: the article is marked gone (the first time only), and its live
 * publications are touched so that pages, feeds and sitemaps show the change. Returns the
 * publications to render again; none when it was marked already.
 */
export async function markSourceGone(tx: Db, articleId: number, next: Date | null, error: string): Promise<LivePublication[]> {
  const { rows } = await tx.query<{ id: number }>(
    `UPDATE articles SET source_gone_at = now(), refetched_at = now(), refetch_at = $2, refetch_error = $3
      WHERE id = $1 AND source_gone_at IS NULL RETURNING id`,
    [articleId, next, error],
  );
  if (rows.length === 0) {
    await recordRefetch(tx, articleId, { next, error });
    return [];
  }
  return touchLive(tx, articleId);
}

/** The source has the article again (a 404 was a slip): the mark goes. Returns the publications to render again. */
export async function clearSourceGone(tx: Db, articleId: number): Promise<LivePublication[]> {
  const { rowCount } = await tx.query('UPDATE articles SET source_gone_at = NULL WHERE id = $1 AND source_gone_at IS NOT NULL', [articleId]);
  return rowCount > 0 ? touchLive(tx, articleId) : [];
}

async function touchLive(tx: Db, articleId: number): Promise<LivePublication[]> {
  const { rows } = await tx.query<LivePublication>(
    `UPDATE publications SET updated_at = now() WHERE article_id = $1 AND status = 'live' RETURNING id, lang, translation_id`,
    [articleId],
  );
  return rows;
}

/** The article as the source now has it: the fields a refetch takes from the page again. */
export type ArticleVersion = Pick<ArticleRow, 'url' | 'title' | 'byline' | 'modified_at' | 'image_url' | 'image_caption' | 'excerpt' | 'html' | 'text' | 'content_hash'>;

/**
 * Stores the source's new version over the article and records the update (what changed, and the
 * text it replaced), with the validators and the next refetch. Returns the update's id.
 */
export async function applySourceUpdate(
  tx: Db,
  before: ArticleRow,
  now: ArticleVersion,
  r: { changes: SourceChanges; etag: string | null; lastModified: string | null; next: Date | null },
): Promise<number> {
  await tx.query(
    `UPDATE articles SET url = $2, title = $3, byline = $4, modified_at = $5, image_url = $6, image_caption = $7, excerpt = $8,
       html = $9, text = $10, content_hash = $11, etag = $12, last_modified = $13, refetch_at = $14,
       refetched_at = now(), refetch_error = NULL, source_gone_at = NULL, fetched_at = now(), updated_at = now()
     WHERE id = $1`,
    [before.id, now.url, now.title, now.byline, now.modified_at, now.image_url, now.image_caption, now.excerpt,
     now.html, now.text, now.content_hash, r.etag, r.lastModified, r.next],
  );
  const { rows } = await tx.query<{ id: number }>(
    `INSERT INTO article_updates (article_id, changes, previous_title, previous_html, previous_hash, content_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [before.id, jsonParam(r.changes), before.title, before.html, before.content_hash, now.content_hash],
  );
  return rows[0]!.id;
}

/**
 * What became of an update in one language: published, or held (with the revision that keeps the
 * held text, for an editor). Its engine run (`cost`, the engine's report of it) is booked in the
 * cost ledger either way, once. An earlier update of the article still held in this language is
 * superseded: this one's text includes it.
 */
export async function recordUpdateOutcome(
  tx: Db,
  updateId: number,
  lang: string,
  o: { outcome: 'published' | 'held'; reason: string | null; revisionId: number | null; cost: TranslationCost },
): Promise<void> {
  await tx.query(
    `UPDATE article_update_translations o SET outcome = 'superseded' FROM article_updates u, article_updates v
      WHERE u.id = o.update_id AND v.id = $1 AND u.article_id = v.article_id AND u.id < v.id AND o.lang = $2 AND o.outcome = 'held'`,
    [updateId, lang],
  );
  const { rows } = await tx.query<{ article_id: number; booked: boolean }>(
    `WITH earlier AS (SELECT 1 FROM article_update_translations WHERE update_id = $1 AND lang = $2)
     INSERT INTO article_update_translations (update_id, lang, outcome, reason, revision_id, engine_characters) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (update_id, lang) DO UPDATE SET outcome = EXCLUDED.outcome, reason = EXCLUDED.reason, revision_id = EXCLUDED.revision_id,
       engine_characters = EXCLUDED.engine_characters
     RETURNING (SELECT article_id FROM article_updates WHERE id = $1) AS article_id, EXISTS (SELECT 1 FROM earlier) AS booked`,
    [updateId, lang, o.outcome, o.reason, o.revisionId, o.cost.characters],
  );
  const { article_id: articleId, booked } = rows[0]!;
  // The same outcome recorded again replaces the row's characters: its run is in the ledger already.
  if (!booked) await recordEngineSpend(tx, { reason: 'update', articleId, lang, ...spentIn(o.cost) });
}

/**
 * The translation now holds text no editor has seen: the notice no longer says "reviewed", and a
 * flagged one is back in the review queue.
 */
export async function markUnreviewed(tx: Db, translationId: number): Promise<void> {
  await tx.query('UPDATE translations SET reviewed_at = NULL WHERE id = $1', [translationId]);
}

/**
 * What an article page in `lang` says about its source: the updates its translation carries
 * (newest first; an update held in this language shows once a later one is published, whose text
 * includes it) and when the source stopped having the article.
 */
export async function sourceNotesForPage(db: Db, articleId: number, lang: string): Promise<{ sourceUpdates: SourceUpdate[]; sourceGoneAt: Date | null }> {
  const { rows } = await db.query<{ detected_at: Date; changes: SourceChanges | string }>(
    `SELECT u.detected_at, u.changes FROM article_updates u
      WHERE u.article_id = $1 AND u.detected_at <= (
        SELECT max(v.detected_at) FROM article_updates v JOIN article_update_translations o ON o.update_id = v.id
         WHERE v.article_id = $1 AND o.lang = $2 AND o.outcome = 'published')
      ORDER BY u.detected_at DESC, u.id DESC`,
    [articleId, lang],
  );
  const gone = (await db.query<{ source_gone_at: Date | null }>('SELECT source_gone_at FROM articles WHERE id = $1', [articleId])).rows[0]?.source_gone_at ?? null;
  return {
    sourceUpdates: rows.map((r) => ({ at: new Date(r.detected_at), changes: typeof r.changes === 'string' ? (JSON.parse(r.changes) as SourceChanges) : r.changes })),
    sourceGoneAt: gone ? new Date(gone) : null,
  };
}

/** A refetch that failed for good (an engine down through every retry): its error stays on the article. */
export async function noteRefetchFailure(db: Db, articleId: number, error: string): Promise<void> {
  await db.query('UPDATE articles SET refetch_error = $2 WHERE id = $1', [articleId, error]);
}
