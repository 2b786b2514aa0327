import type { Db } from './db.ts';

/** A mirrored image as a page shows it. */
export interface MediaRef {
  /** `/media/{sha256}.{ext}` on the site itself. */
  path: string;
  width: number | null;
  height: number | null;
}

export interface NewMedia {
  sha256: string;
  contentType: string;
  ext: string;
  /** Size of the bytes as fetched: the files themselves are in the media folder (src/media)… */
  size?: number;
  /** …unless the bytes are given: kept in the row, and moved to the folder on first request. */
  bytes?: Buffer;
  width: number | null;
  height: number | null;
}

export interface MediaRow {
  sha256: string;
  content_type: string;
  ext: string;
  /** Only rows mirrored before the media folder existed (migration 094) still hold their bytes. */
  bytes: Buffer | Uint8Array | null;
  size: number;
  width: number | null;
  height: number | null;
}

export const mediaPath = (sha256: string, ext: string): string => `/media/${sha256}.${ext}`;

/** Records an image; a second URL with the same bytes reuses the row. */
export async function putMedia(db: Db, m: NewMedia): Promise<void> {
  await db.query(
    `INSERT INTO media (sha256, content_type, ext, bytes, size, width, height) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (sha256) DO NOTHING`,
    [m.sha256, m.contentType, m.ext, m.bytes ?? null, m.size ?? m.bytes?.length ?? 0, m.width, m.height],
  );
}

export async function getMedia(db: Db, sha256: string): Promise<MediaRow | null> {
  const { rows } = await db.query<MediaRow>(
    'SELECT sha256, content_type, ext, bytes, size, width, height FROM media WHERE sha256 = $1',
    [sha256],
  );
  return rows[0] ?? null;
}

/** An older row's bytes are now files in the media folder: the row keeps only their description. */
export async function markMediaMoved(db: Db, sha256: string, size: { width: number | null; height: number | null }): Promise<void> {
  await db.query('UPDATE media SET bytes = NULL, width = $2, height = $3 WHERE sha256 = $1', [sha256, size.width, size.height]);
}

/** Bytes (as fetched) of the images mirrored for one source's articles in the last 24 hours. */
export async function sourceMediaBytesToday(db: Db, sourceId: number): Promise<number> {
  const { rows } = await db.query<{ n: string | number }>(
    `SELECT coalesce(sum(m.size), 0) AS n FROM media_sources s
     JOIN media m ON m.sha256 = s.sha256 JOIN articles a ON a.id = s.article_id
     WHERE a.source_id = $1 AND s.attempted_at > now() - interval '1 day'`,
    [sourceId],
  );
  return Number(rows[0]?.n ?? 0);
}

/** What became of one image URL of an article: mirrored (`sha256`) or not (`error`). */
export async function recordMediaSource(
  db: Db,
  r: { articleId: number; url: string; role: 'lead' | 'body'; sha256: string | null; error: string | null },
): Promise<void> {
  await db.query(
    `INSERT INTO media_sources (article_id, url, role, sha256, error) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (article_id, url) DO UPDATE SET role = excluded.role, sha256 = excluded.sha256, error = excluded.error, attempted_at = now()`,
    [r.articleId, r.url, r.role, r.sha256, r.error],
  );
}

export interface MediaSourceRow {
  url: string;
  role: 'lead' | 'body';
  sha256: string | null;
  error: string | null;
}

export async function listMediaSources(db: Db, articleId: number): Promise<MediaSourceRow[]> {
  const { rows } = await db.query<MediaSourceRow>(
    'SELECT url, role, sha256, error FROM media_sources WHERE article_id = $1 ORDER BY url',
    [articleId],
  );
  return rows;
}

/**
 * Original URL → mirrored image, for the URLs given (an article's lead and body images, or the
 * lead images of a list of cards). URLs never mirrored are absent: the renderer drops them.
 */
export async function mediaByUrl(db: Db, urls: readonly string[]): Promise<Map<string, MediaRef>> {
  const out = new Map<string, MediaRef>();
  const wanted = [...new Set(urls.filter(Boolean))];
  if (!wanted.length) return out;
  const { rows } = await db.query<{ url: string; sha256: string; ext: string; width: number | null; height: number | null }>(
    `SELECT DISTINCT ON (s.url) s.url, m.sha256, m.ext, m.width, m.height
     FROM media_sources s JOIN media m ON m.sha256 = s.sha256
     WHERE s.url = ANY($1::text[]) ORDER BY s.url, s.attempted_at DESC`,
    [wanted],
  );
  for (const r of rows) out.set(r.url, { path: mediaPath(r.sha256, r.ext), width: r.width, height: r.height });
  return out;
}

/** Every mirrored image of one article (lead and body), by original URL. */
export async function mediaForArticle(db: Db, articleId: number): Promise<Map<string, MediaRef>> {
  const { rows } = await db.query<{ url: string }>('SELECT url FROM media_sources WHERE article_id = $1 AND sha256 IS NOT NULL', [articleId]);
  return mediaByUrl(db, rows.map((r) => r.url));
}
