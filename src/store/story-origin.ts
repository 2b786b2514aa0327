import type { Db } from './db.ts';

/** Where a story came from when it was split off another: that story (as it was then) and when. */
export interface StoryOrigin {
  storyId: number;
  at: Date;
}

/**
 * The story this one was split from (stories.split_from) and the split's time (its story_event);
 * null for a story that began on its own. The caller follows merges (storyTarget) to link it.
 */
export async function storySplitOrigin(db: Db, storyId: number): Promise<StoryOrigin | null> {
  const { rows } = await db.query<{ split_from: number; at: Date }>(
    `SELECT s.split_from, coalesce(
         (SELECT e.at FROM story_events e WHERE e.kind = 'split' AND e.other_id = s.id ORDER BY e.id LIMIT 1), s.created_at) AS at
       FROM stories s WHERE s.id = $1 AND s.split_from IS NOT NULL`,
    [storyId],
  );
  const r = rows[0];
  return r ? { storyId: Number(r.split_from), at: new Date(r.at) } : null;
}
