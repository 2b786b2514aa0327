import type { Db } from './db.ts';
import { jsonParam } from './sql-params.ts';

export interface SourceRow {
  id: number;
  url: string;
  name: string | null;
  lang: string | null;
  category: string | null;
  kind: 'feed' | 'sitemap' | 'page';
  enabled: boolean;
  status: string;
  etag: string | null;
  last_modified: string | null;
  last_fetch_at: Date | null;
  last_success_at: Date | null;
  next_fetch_at: Date;
  error_count: number;
  last_error: string | null;
  warnings: string[];
  title: string | null;
  site_url: string | null;
}

export interface NewSource {
  url: string;
  name?: string | null;
  lang?: string | null;
  category?: string | null;
  kind?: 'feed' | 'sitemap' | 'page';
}

/** Adds a source, or updates its name/lang/category if the URL is already known. */
/**
 * Adds a source or updates the one at that URL. `resume: false` keeps a paused source paused: the
 * config file's sources are upserted at every start, and an editor's pause must survive a restart.
 */
export async function upsertSource(db: Db, s: NewSource, opts: { resume?: boolean } = {}): Promise<SourceRow> {
  const { rows } = await db.query<SourceRow>(
    `INSERT INTO sources (url, name, lang, category, kind) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (url) DO UPDATE SET name = COALESCE(EXCLUDED.name, sources.name),
       lang = COALESCE(EXCLUDED.lang, sources.lang), category = COALESCE(EXCLUDED.category, sources.category),
       kind = EXCLUDED.kind, enabled = sources.enabled OR $6, updated_at = now()
     RETURNING *`,
    [s.url, s.name ?? null, s.lang ?? null, s.category ?? null, s.kind ?? 'feed', opts.resume ?? true],
  );
  return rows[0]!;
}

export async function getSource(db: Db, id: number): Promise<SourceRow | null> {
  const { rows } = await db.query<SourceRow>('SELECT * FROM sources WHERE id = $1', [id]);
  return rows[0] ?? null;
}

export async function findSource(db: Db, idOrUrl: string): Promise<SourceRow | null> {
  const { rows } = /^\d+$/.test(idOrUrl)
    ? await db.query<SourceRow>('SELECT * FROM sources WHERE id = $1', [Number(idOrUrl)])
    : await db.query<SourceRow>('SELECT * FROM sources WHERE url = $1', [idOrUrl]);
  return rows[0] ?? null;
}

export async function listSources(db: Db): Promise<SourceRow[]> {
  return (await db.query<SourceRow>('SELECT * FROM sources ORDER BY id')).rows;
}

export async function removeSource(db: Db, id: number): Promise<boolean> {
  return (await db.query('DELETE FROM sources WHERE id = $1', [id])).rowCount > 0;
}

/** Sources whose next fetch is due, soonest first. */
export async function dueSources(db: Db, limit: number): Promise<SourceRow[]> {
  return (
    await db.query<SourceRow>(
      'SELECT * FROM sources WHERE enabled AND next_fetch_at <= now() ORDER BY next_fetch_at LIMIT $1',
      [limit],
    )
  ).rows;
}

export interface FetchOutcome {
  ok: boolean;
  error?: string | null;
  etag?: string | null;
  lastModified?: string | null;
  warnings?: string[];
  nextFetchAt: Date;
  title?: string | null;
  siteUrl?: string | null;
}

/** Records a poll: success resets the error count; a failure is kept visible with its next try. */
export async function recordFetch(db: Db, id: number, o: FetchOutcome): Promise<void> {
  await db.query(
    `UPDATE sources SET last_fetch_at = now(), next_fetch_at = $2, updated_at = now(),
        status = CASE WHEN $3 THEN 'ok' ELSE 'failing' END,
        error_count = CASE WHEN $3 THEN 0 ELSE error_count + 1 END,
        last_error = CASE WHEN $3 THEN NULL ELSE $4 END,
        last_success_at = CASE WHEN $3 THEN now() ELSE last_success_at END,
        etag = CASE WHEN $3 AND $5::text IS NOT NULL THEN $5 ELSE etag END,
        last_modified = CASE WHEN $3 AND $6::text IS NOT NULL THEN $6 ELSE last_modified END,
        warnings = CASE WHEN $7::jsonb IS NOT NULL THEN $7::jsonb ELSE warnings END,
        title = COALESCE($8, title), site_url = COALESCE($9, site_url)
      WHERE id = $1`,
    [id, o.nextFetchAt, o.ok, o.error ?? null, o.etag ?? null, o.lastModified ?? null,
     o.warnings ? jsonParam(o.warnings) : null, o.title ?? null, o.siteUrl ?? null],
  );
}

/**
 * A job about this source failed for good (a poll, a push that does not parse): the source says so
 * where `source list` shows it. Its schedule is left alone: the next poll is already planned.
 */
export async function markSourceFailed(db: Db, id: number, error: string): Promise<void> {
  await db.query(
    `UPDATE sources SET status = 'failing', error_count = error_count + 1, last_error = $2, last_fetch_at = now(), updated_at = now()
      WHERE id = $1`,
    [id, error],
  );
}
