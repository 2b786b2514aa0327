import type { FidelityReport, Verdict } from '../domain/translation.ts';
import type { Db } from './db.ts';
import { jsonParam } from './sql-params.ts';
import type { TranslationRow } from './translations.ts';

export type RevisionKind = 'machine' | 'edit' | 'correction' | 'retranslation';

export interface RevisionRow {
  id: number;
  translation_id: number;
  n: number;
  kind: RevisionKind;
  title: string;
  excerpt: string | null;
  html: string;
  /** The image caption's translation as this revision has it; null where none was kept (revisions before migration 101). */
  image_caption: string | null;
  engine: string;
  checks: FidelityReport;
  verdict: Verdict;
  editor: string | null;
  note: string | null;
  created_at: Date;
}

/** A revision as the caller gives it: the row less what the database numbers and stamps; the note optional. */
export type NewRevision = Omit<RevisionRow, 'id' | 'translation_id' | 'n' | 'created_at' | 'note' | 'image_caption'> & { note?: string | null; image_caption?: string | null };

/** Appends revision n+1 of a translation. */
export async function addRevision(db: Db, translationId: number, r: NewRevision): Promise<RevisionRow> {
  const { rows } = await db.query<RevisionRow>(
    `INSERT INTO translation_revisions (translation_id, n, kind, title, excerpt, html, engine, checks, verdict, editor, note, image_caption)
     SELECT $1, coalesce(max(n), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 FROM translation_revisions WHERE translation_id = $1
     RETURNING *`,
    [translationId, r.kind, r.title, r.excerpt, r.html, r.engine, jsonParam(r.checks), r.verdict, r.editor, r.note ?? null, r.image_caption ?? null],
  );
  return rows[0]!;
}

/**
 * The engine's version as revision 1, the first time an editor touches a translation: the
 * history then always starts from what the machine wrote.
 */
export async function ensureFirstRevision(db: Db, t: TranslationRow): Promise<void> {
  const { rows } = await db.query('SELECT 1 FROM translation_revisions WHERE translation_id = $1 LIMIT 1', [t.id]);
  if (rows.length > 0) return;
  await addRevision(db, t.id, { kind: 'machine', title: t.title, excerpt: t.excerpt, html: t.html, image_caption: t.image_caption, engine: t.engine, checks: t.checks, verdict: t.verdict, editor: null });
}

/** Newest first. */
export async function listRevisions(db: Db, translationId: number): Promise<RevisionRow[]> {
  return (await db.query<RevisionRow>('SELECT * FROM translation_revisions WHERE translation_id = $1 ORDER BY n DESC', [translationId])).rows;
}
