import type { MemoryEntry, MemoryKey, TranslationMemory } from '../translate/memory.ts';
import { memoryKeyId } from '../translate/memory.ts';
import type { Db } from './db.ts';
import { getHumanTranslations } from './human-memory.ts';

/** The translation memory on the `translation_memory` table: one query per engine and pair. */
export function createSqlTranslationMemory(db: Db): TranslationMemory {
  return {
    async get(keys: MemoryKey[]) {
      const found = new Map<string, string>();
      for (const group of groupByPair(keys)) {
        const [k] = group;
        const hashes = [...new Set(group.map((g) => g.hash))];
        const { rows } = await db.query<{ hash: string; target: string }>(
          `UPDATE translation_memory SET hits = hits + 1
            WHERE hash = ANY($1::text[]) AND from_lang = $2 AND to_lang = $3 AND engine = $4 AND engine_version = $5
            RETURNING hash, target`,
          [hashes, k!.from, k!.to, k!.engine, k!.engineVersion],
        );
        for (const r of rows) found.set(memoryKeyId({ ...k!, hash: r.hash }), r.target);
      }
      return found;
    },

    human: (hashes, from, to) => getHumanTranslations(db, hashes, from, to),

    async put(entries: MemoryEntry[]) {
      if (entries.length === 0) return;
      const unique = new Map(entries.map((e) => [memoryKeyId(e), e]));
      const list = [...unique.values()];
      const col = <K extends keyof MemoryEntry>(k: K) => list.map((e) => e[k]);
      await db.query(
        `INSERT INTO translation_memory (hash, from_lang, to_lang, engine, engine_version, source, target)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
         ON CONFLICT (hash, from_lang, to_lang, engine, engine_version) DO UPDATE SET target = EXCLUDED.target
         WHERE translation_memory.target IS DISTINCT FROM EXCLUDED.target`,
        [col('hash'), col('from'), col('to'), col('engine'), col('engineVersion'), col('source'), col('target')],
      );
    },
  };
}

function groupByPair(keys: MemoryKey[]): MemoryKey[][] {
  const groups = new Map<string, MemoryKey[]>();
  for (const k of keys) {
    const id = `${k.from}|${k.to}|${k.engine}|${k.engineVersion}`;
    const g = groups.get(id);
    if (g) g.push(k);
    else groups.set(id, [k]);
  }
  return [...groups.values()];
}
