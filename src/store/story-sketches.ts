import type { Sketch, SketchEntry, SketchIndex } from '../stories/index.ts';
import type { Db } from './db.ts';

/**
 * The near-duplicate sketch index in PostgreSQL (migration 080): every worker sees every sketch.
 * Candidates come back with their story already resolved through story_aliases.
 */
export function createStorySketchIndex(db: Db): SketchIndex {
  return {
    async candidates(bands: Int32Array): Promise<SketchEntry[]> {
      const { rows } = await db.query<{ article_key: string; story_id: string; signature: number[] }>(
        `SELECT s.article_key, COALESCE(a.story_id, s.story_id) AS story_id, s.signature
           FROM story_sketches s LEFT JOIN story_aliases a ON a.alias = s.story_id
          WHERE s.article_key IN (
            SELECT b.article_key FROM story_sketch_bands b
              JOIN unnest($1::int2[], $2::int4[]) AS q(band, key) ON b.band = q.band AND b.key = q.key)`,
        [bands.length ? [...bands.keys()] : [], [...bands]],
      );
      return rows.map((r) => ({ articleId: r.article_key, storyId: r.story_id, signature: r.signature }));
    },
    async add(articleId: string, storyId: string, s: Sketch): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO story_sketches (article_key, story_id, signature) VALUES ($1, $2, $3)
           ON CONFLICT (article_key) DO UPDATE SET story_id = EXCLUDED.story_id, signature = EXCLUDED.signature`,
          [articleId, storyId, [...s.signature]],
        );
        await tx.query('DELETE FROM story_sketch_bands WHERE article_key = $1', [articleId]);
        await tx.query(
          `INSERT INTO story_sketch_bands (band, key, article_key)
           SELECT q.band, q.key, $1 FROM unnest($2::int2[], $3::int4[]) AS q(band, key) ON CONFLICT DO NOTHING`,
          [articleId, [...s.bands.keys()], [...s.bands]],
        );
      });
    },
  };
}

/** Forgets sketches older than `before`: wire copy is republished within days, not months. */
export async function pruneStorySketches(db: Db, before: Date): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM story_sketches WHERE created_at < $1', [before]);
  return rowCount;
}
