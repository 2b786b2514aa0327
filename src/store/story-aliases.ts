import type { Db } from './db.ts';

/**
 * Records that story `alias` merged into `storyId`. Aliases that pointed at `alias` are moved to
 * `storyId` in the same transaction, so every alias is one hop from a live story.
 */
export async function recordStoryAlias(db: Db, alias: string, storyId: string): Promise<void> {
  if (alias === storyId) return;
  await db.transaction(async (tx) => {
    await tx.query('UPDATE story_aliases SET story_id = $2 WHERE story_id = $1', [alias, storyId]);
    await tx.query(
      `INSERT INTO story_aliases (alias, story_id) VALUES ($1, $2)
       ON CONFLICT (alias) DO UPDATE SET story_id = EXCLUDED.story_id, merged_at = now()`,
      [alias, storyId],
    );
    // A story merged back into one of its own aliases is live again, not an alias of itself.
    await tx.query('DELETE FROM story_aliases WHERE alias = story_id');
  });
}

/** The live story an id stands for: itself, or the story it was merged into. */
export async function resolveStoryId(db: Db, id: string): Promise<string> {
  const { rows } = await db.query<{ story_id: string }>('SELECT story_id FROM story_aliases WHERE alias = $1', [id]);
  return rows[0]?.story_id ?? id;
}
