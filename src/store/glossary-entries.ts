import type { Db } from './db.ts';

export interface GlossaryRow {
  id: number;
  from_lang: string;
  to_lang: string;
  term: string;
  rendering: string;
  case_sensitive: boolean;
  updated_by: string | null;
  updated_at: Date;
}

export interface GlossaryInput {
  from: string;
  to: string;
  term: string;
  rendering: string;
  caseSensitive: boolean;
}

/** Every console entry, or one pair's, by pair then term. */
export async function listGlossaryEntries(db: Db, pair?: { from: string; to: string }): Promise<GlossaryRow[]> {
  const { rows } = pair
    ? await db.query<GlossaryRow>('SELECT * FROM glossary_entries WHERE from_lang = $1 AND to_lang = $2 ORDER BY lower(term), id', [pair.from, pair.to])
    : await db.query<GlossaryRow>('SELECT * FROM glossary_entries ORDER BY from_lang, to_lang, lower(term), id');
  return rows;
}

export async function getGlossaryEntry(db: Db, id: number): Promise<GlossaryRow | null> {
  return (await db.query<GlossaryRow>('SELECT * FROM glossary_entries WHERE id = $1', [id])).rows[0] ?? null;
}

/** Adds the entry, or replaces the rendering of the same term in the same pair. */
export async function putGlossaryEntry(db: Db, e: GlossaryInput, by: string | null): Promise<GlossaryRow> {
  const { rows } = await db.query<GlossaryRow>(
    `INSERT INTO glossary_entries (from_lang, to_lang, term, rendering, case_sensitive, updated_by) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (from_lang, to_lang, term) DO UPDATE SET rendering = EXCLUDED.rendering,
       case_sensitive = EXCLUDED.case_sensitive, updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING *`,
    [e.from, e.to, e.term, e.rendering, e.caseSensitive, by],
  );
  return rows[0]!;
}

export async function updateGlossaryEntry(db: Db, id: number, e: GlossaryInput, by: string | null): Promise<GlossaryRow | null> {
  const { rows } = await db.query<GlossaryRow>(
    `UPDATE glossary_entries SET from_lang = $2, to_lang = $3, term = $4, rendering = $5, case_sensitive = $6, updated_by = $7, updated_at = now()
      WHERE id = $1 RETURNING *`,
    [id, e.from, e.to, e.term, e.rendering, e.caseSensitive, by],
  );
  return rows[0] ?? null;
}

export async function removeGlossaryEntry(db: Db, id: number): Promise<GlossaryRow | null> {
  return (await db.query<GlossaryRow>('DELETE FROM glossary_entries WHERE id = $1 RETURNING *', [id])).rows[0] ?? null;
}

