import type { Db } from './db.ts';
import { leadPublication } from './story-cards.ts';
import { storyTarget } from './story-reads.ts';

/** Where a story came from when it was split off another: that story (followed through merges), when, and its title in a language. */
export interface StoryOrigin {
  /** The story it was split from, or the story that one has since been merged into. */
  storyId: number;
  at: Date;
  /** The title of that story's lead in the language asked for; null when it has no live page there. */
  title: string | null;
}

/**
 * The story this one was split from (stories.split_from), dated by the split's story_event; null
 * for a story that began on its own. `lang`: the language its title is read in (the lead's
 * translation there, as its story page shows it).
 */
export async function storySplitOrigin(db: Db, storyId: number, lang: string): Promise<StoryOrigin | null> {
  const { rows } = await db.query<{ split_from: number; at: Date }>(
    `SELECT s.split_from, coalesce(
         (SELECT e.at FROM story_events e WHERE e.kind = 'split' AND e.other_id = s.id ORDER BY e.id LIMIT 1), s.created_at) AS at
       FROM stories s WHERE s.id = $1 AND s.split_from IS NOT NULL`,
    [storyId],
  );
  const r = rows[0];
  if (!r) return null;
  const target = await storyTarget(db, Number(r.split_from));
  const from = target?.id ?? Number(r.split_from);
  const lead = await db.query<{ title: string }>(
    `SELECT t.title FROM publications p JOIN translations t ON t.id = p.translation_id WHERE p.id = ${leadPublication('$1::bigint', '$2::text')}`,
    [from, lang],
  );
  return { storyId: from, at: new Date(r.at), title: lead.rows[0]?.title ?? null };
}
