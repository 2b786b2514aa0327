import type { Db } from './db.ts';

/** One segment as an editor wrote it, keyed by the source unit's hash and the pair (any engine). */
export interface HumanEntry {
  hash: string;
  from: string;
  to: string;
  source: string;
  target: string;
}

/** Stores an editor's segments; a later edit of the same source segment replaces the earlier one. */
export async function putHumanEntries(db: Db, entries: HumanEntry[], by: { translationId: number; editor: string }): Promise<void> {
  if (entries.length === 0) return;
  const list = [...new Map(entries.map((e) => [`${e.hash}|${e.from}|${e.to}`, e])).values()];
  const col = <K extends keyof HumanEntry>(k: K) => list.map((e) => e[k]);
  await db.query(
    `INSERT INTO human_translation_memory (hash, from_lang, to_lang, source, target, translation_id, editor)
     SELECT h, f, t, s, g, $6, $7 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS x(h, f, t, s, g)
     ON CONFLICT (hash, from_lang, to_lang) DO UPDATE SET target = EXCLUDED.target, source = EXCLUDED.source,
       translation_id = EXCLUDED.translation_id, editor = EXCLUDED.editor, updated_at = now()`,
    [col('hash'), col('from'), col('to'), col('source'), col('target'), by.translationId, by.editor],
  );
}

/** The editor's translations of these source hashes (hash → target), counting a hit on each. */
export async function getHumanTranslations(db: Db, hashes: string[], from: string, to: string): Promise<Map<string, string>> {
  if (hashes.length === 0) return new Map();
  const { rows } = await db.query<{ hash: string; target: string }>(
    `UPDATE human_translation_memory SET hits = hits + 1
      WHERE hash = ANY($1::text[]) AND from_lang = $2 AND to_lang = $3 RETURNING hash, target`,
    [[...new Set(hashes)], from, to],
  );
  return new Map(rows.map((r) => [r.hash, r.target]));
}
