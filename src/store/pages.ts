import type { Db } from './db.ts';

/** A rendered page, pre-compressed; `body` null means a tombstone (render again before serving). */
export interface PageRow {
  path: string;
  lang: string | null;
  kind: string;
  status: number;
  content_type: string;
  body: Uint8Array | null;
  gzip: Uint8Array | null;
  br: Uint8Array | null;
  etag: string | null;
  last_modified: Date | null;
  render_version: string;
  stale: boolean;
  version: number;
  rendered_at: Date;
}

export type NewPage = Omit<PageRow, 'stale' | 'version' | 'rendered_at'>;

const COLUMNS = 'path, lang, kind, status, content_type, body, gzip, br, etag, last_modified, render_version, stale, version, rendered_at';

export async function getPage(db: Db, path: string): Promise<PageRow | null> {
  const { rows } = await db.query<PageRow>(`SELECT ${COLUMNS} FROM pages WHERE path = $1`, [path]);
  return rows[0] ?? null;
}

function values(p: NewPage): unknown[] {
  return [p.path, p.lang, p.kind, p.status, p.content_type, p.body, p.gzip, p.br, p.etag, p.last_modified, p.render_version];
}

const INSERT = `INSERT INTO pages (path, lang, kind, status, content_type, body, gzip, br, etag, last_modified, render_version)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`;
const SET = `lang = excluded.lang, kind = excluded.kind, status = excluded.status, content_type = excluded.content_type,
  body = excluded.body, gzip = excluded.gzip, br = excluded.br, etag = excluded.etag, last_modified = excluded.last_modified,
  render_version = excluded.render_version, stale = false, version = nextval('pages_version'), rendered_at = now()`;

/** Writes a page rendered after a content change: it always wins. */
export async function putPage(db: Db, p: NewPage): Promise<Written> {
  const { rows } = await db.query<Written>(`${INSERT} ON CONFLICT (path) DO UPDATE SET ${SET} RETURNING version, rendered_at`, values(p));
  return rows[0]!;
}

export interface Written {
  version: number;
  rendered_at: Date;
}

/**
 * Writes a page rendered on a miss, only if nobody changed the row since it was read
 * (`seenVersion`, null when there was none): a lazy render that read older rows must never
 * overwrite what a render job wrote meanwhile. True if written.
 */
export async function putPageIfUnchanged(db: Db, p: NewPage, seenVersion: number | null): Promise<Written | null> {
  const { rows } = seenVersion === null
    ? await db.query<Written>(`${INSERT} ON CONFLICT (path) DO NOTHING RETURNING version, rendered_at`, values(p))
    : await db.query<Written>(`${INSERT} ON CONFLICT (path) DO UPDATE SET ${SET} WHERE pages.version = $12 RETURNING version, rendered_at`, [...values(p), seenVersion]);
  return rows[0] ?? null;
}

/** Turns pages into tombstones (rendered again on their next request); returns how many. */
export async function markStale(db: Db, where: { lang?: string | null; kinds?: string[]; paths?: string[] }): Promise<number> {
  const params: unknown[] = [];
  const conds = ['NOT stale'];
  if (where.lang !== undefined) {
    params.push(where.lang);
    conds.push(where.lang === null ? `lang IS NULL AND $${params.length}::text IS NULL` : `lang = $${params.length}`);
  }
  if (where.kinds) {
    params.push(where.kinds);
    conds.push(`kind = ANY($${params.length}::text[])`);
  }
  if (where.paths) {
    params.push(where.paths);
    conds.push(`path = ANY($${params.length}::text[])`);
  }
  const result = await db.query(
    `UPDATE pages SET stale = true, body = NULL, gzip = NULL, br = NULL, version = nextval('pages_version')
     WHERE ${conds.join(' AND ')}`,
    params,
  );
  return result.rowCount;
}

/**
 * Paths written since `version` (what a web process polls), without their bodies. Callers look
 * back a little before the last version they saw: sequence numbers are taken before commit, so a
 * slow transaction can commit a lower number after a higher one was already seen.
 */
export async function pagesChangedSince(db: Db, version: number, limit = 1000): Promise<{ path: string; version: number; stale: boolean }[]> {
  const { rows } = await db.query<{ path: string; version: number; stale: boolean }>(
    `SELECT path, version, stale FROM pages WHERE version > $1 ORDER BY version LIMIT $2`,
    [version, limit],
  );
  return rows.map((r) => ({ path: r.path, version: Number(r.version), stale: r.stale }));
}

export async function maxPageVersion(db: Db): Promise<number> {
  const { rows } = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM pages');
  return Number(rows[0]?.v ?? 0);
}
