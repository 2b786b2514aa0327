import type { Db } from './db.ts';

export interface CorrectionRow {
  id: number;
  publication_id: number;
  revision_id: number | null;
  note: string;
  editor: string | null;
  created_at: Date;
}

export async function addCorrection(db: Db, c: { publicationId: number; revisionId: number | null; note: string; editor: string | null }): Promise<CorrectionRow> {
  const { rows } = await db.query<CorrectionRow>(
    `INSERT INTO publication_corrections (publication_id, revision_id, note, editor) VALUES ($1, $2, $3, $4) RETURNING *`,
    [c.publicationId, c.revisionId, c.note, c.editor],
  );
  return rows[0]!;
}

/** Oldest first, as the article lists them. */
export async function listCorrections(db: Db, publicationId: number): Promise<CorrectionRow[]> {
  return (await db.query<CorrectionRow>('SELECT * FROM publication_corrections WHERE publication_id = $1 ORDER BY created_at, id', [publicationId])).rows;
}
