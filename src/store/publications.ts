import type { Db } from './db.ts';

export interface PublicationRow {
  id: number;
  translation_id: number;
  article_id: number;
  lang: string;
  path: string;
  flagged: boolean;
  status: 'live' | 'gone';
  published_at: Date;
}

/**
 * Publishes a translation at `path`, once: a second call for the same translation returns the
 * existing publication (updating its flag), so a retried job never publishes twice.
 */
export async function publishOnce(
  db: Db,
  p: { translationId: number; articleId: number; lang: string; path: string; flagged: boolean },
): Promise<{ publication: PublicationRow; created: boolean }> {
  const inserted = await db.query<PublicationRow>(
    `INSERT INTO publications (translation_id, article_id, lang, path, flagged)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (translation_id) DO NOTHING RETURNING *`,
    [p.translationId, p.articleId, p.lang, p.path, p.flagged],
  );
  if (inserted.rows[0]) return { publication: inserted.rows[0], created: true };
  const { rows } = await db.query<PublicationRow>(
    'UPDATE publications SET flagged = $2, updated_at = now() WHERE translation_id = $1 RETURNING *',
    [p.translationId, p.flagged],
  );
  return { publication: rows[0]!, created: false };
}

/** A path not taken yet: `/es/2026/11/slug`, then `-2`, `-3`… */
export async function freePath(db: Db, base: string): Promise<string> {
  const { rows } = await db.query<{ path: string }>(
    `SELECT path FROM publications WHERE path = $1 OR path LIKE $1 || '-%'`,
    [base],
  );
  const taken = new Set(rows.map((r) => r.path));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

export async function countLive(db: Db, lang?: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM publications WHERE status = 'live' AND ($1::text IS NULL OR lang = $1)`,
    [lang ?? null],
  );
  return rows[0]!.n;
}
