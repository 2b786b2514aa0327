import type { SourceChanges } from '../domain/source-changes.ts';
import type { Db } from './db.ts';
import type { RevisionRow } from './translation-revisions.ts';

/** held: waiting for an editor; published / dismissed: an editor's decision (or the gate's pass); superseded: a later update's text includes it. */
export type UpdateOutcome = 'held' | 'published' | 'dismissed' | 'superseded';

/** A source update in one language, as the review queue shows it: what changed, why it was held, its held text. */
export interface HeldUpdate {
  id: number;
  update_id: number;
  article_id: number;
  lang: string;
  outcome: UpdateOutcome;
  reason: string | null;
  changes: SourceChanges;
  detected_at: Date;
  created_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  engine_characters: number;
  /** The translation the update was for (the live one stays as it was while the update is held). */
  translation_id: number | null;
  /** The held version; null for an update held before migration 099 whose revision could not be told. */
  revision: RevisionRow | null;
}

export async function getHeldUpdate(db: Db, id: number): Promise<HeldUpdate | null> {
  const { rows } = await db.query<Omit<HeldUpdate, 'revision' | 'changes'> & { revision_id: number | null; changes: SourceChanges | string }>(
    `SELECT o.id, o.update_id, u.article_id, o.lang, o.outcome, o.reason, u.changes, u.detected_at, o.created_at, o.decided_by, o.decided_at,
            o.engine_characters, o.revision_id, t.id AS translation_id
       FROM article_update_translations o JOIN article_updates u ON u.id = o.update_id
       LEFT JOIN translations t ON t.article_id = u.article_id AND t.lang = o.lang
      WHERE o.id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  const revision = row.revision_id === null ? null
    : (await db.query<RevisionRow>('SELECT * FROM translation_revisions WHERE id = $1', [row.revision_id])).rows[0] ?? null;
  const { revision_id: _omit, changes, ...rest } = row;
  return { ...rest, changes: typeof changes === 'string' ? (JSON.parse(changes) as SourceChanges) : changes, revision };
}

/**
 * An editor's decision on a held update, once: false when it was decided already (another
 * editor, a later update that superseded it).
 */
export async function decideHeldUpdate(tx: Db, id: number, outcome: 'published' | 'dismissed', editor: string): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE article_update_translations SET outcome = $2, decided_by = $3, decided_at = now() WHERE id = $1 AND outcome = 'held'`,
    [id, outcome, editor],
  );
  return rowCount > 0;
}

/** A held update as `transwire review updates` lists it. */
export interface HeldUpdateRow {
  id: number;
  article_id: number;
  lang: string;
  /** The held version's title (the live translation's where the held text was not kept). */
  title: string;
  engine: string;
  reason: string | null;
  changes: SourceChanges;
  source_title: string;
  url: string;
  created_at: Date;
}

/** The updates waiting for an editor, oldest first (the partial index article_update_translations_held). */
export async function listHeldUpdates(db: Db): Promise<HeldUpdateRow[]> {
  const { rows } = await db.query<HeldUpdateRow & { changes: SourceChanges | string }>(
    `SELECT o.id, u.article_id, o.lang, coalesce(r.title, t.title, a.title) AS title, coalesce(r.engine, t.engine, '') AS engine, o.reason, u.changes,
            a.title AS source_title, a.url, o.created_at
       FROM article_update_translations o JOIN article_updates u ON u.id = o.update_id JOIN articles a ON a.id = u.article_id
       LEFT JOIN translation_revisions r ON r.id = o.revision_id
       LEFT JOIN translations t ON t.article_id = u.article_id AND t.lang = o.lang
      WHERE o.outcome = 'held' ORDER BY o.created_at, o.id`,
  );
  return rows.map((r) => ({ ...r, changes: typeof r.changes === 'string' ? (JSON.parse(r.changes) as SourceChanges) : r.changes }));
}
