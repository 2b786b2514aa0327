import type { Db } from './db.ts';
import { jsonParam } from './sql-params.ts';
import type { SourceRow } from './sources.ts';

export interface ExtractRules {
  select: string[];
  drop: string[];
}

export type SourceWithRules = SourceRow & { extract_rules: ExtractRules | null };

export interface SourceEdit {
  name: string | null;
  lang: string | null;
  category: string | null;
  /** Null: the config's rules (if any) apply again. */
  extractRules: ExtractRules | null;
}

export async function getSourceWithRules(db: Db, id: number): Promise<SourceWithRules | null> {
  return (await db.query<SourceWithRules>('SELECT * FROM sources WHERE id = $1', [id])).rows[0] ?? null;
}

/** What an editor may change from the console: the name, language, section and extraction rules. */
export async function editSource(db: Db, id: number, e: SourceEdit): Promise<SourceWithRules | null> {
  const { rows } = await db.query<SourceWithRules>(
    `UPDATE sources SET name = $2, lang = $3, category = $4, extract_rules = $5::jsonb, updated_at = now() WHERE id = $1 RETURNING *`,
    [id, e.name, e.lang, e.category, e.extractRules ? jsonParam(e.extractRules) : null],
  );
  return rows[0] ?? null;
}

/** Paused sources are skipped by the scheduler (and by a poll job already queued). */
export async function setSourceEnabled(db: Db, id: number, enabled: boolean): Promise<boolean> {
  return (await db.query('UPDATE sources SET enabled = $2, updated_at = now() WHERE id = $1', [id, enabled])).rowCount > 0;
}

/** The URL of the source's newest item with a page: what the extraction preview reads. */
export async function latestItemUrl(db: Db, sourceId: number): Promise<string | null> {
  const { rows } = await db.query<{ url: string }>(
    'SELECT url FROM items WHERE source_id = $1 AND url IS NOT NULL ORDER BY created_at DESC, id DESC LIMIT 1',
    [sourceId],
  );
  return rows[0]?.url ?? null;
}
